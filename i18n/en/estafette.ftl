## Command line
cli-about = Estafette, a Matrix messenger where end-to-end encryption is the rule.
cli-arg-data_dir = Keep the profile's data and cache under this folder instead of the system's.
cli-arg-profile = Which account (profile) to use; each has its own data, cache and keychain entries.
cli-arg-log_level = Show the log on the terminal from this level up (the log file always keeps at least "info").
cli-arg-json = Print JSON for programs instead of text for people.
cli-login = Log in with a password, or with your organisation's account (--sso), and keep the session in the system keychain.
cli-login-homeserver = The homeserver's address; without it, the server of your Matrix ID is asked.
cli-login-user = Your full Matrix ID (@name:server) or, with --homeserver, your user name (optional with --sso).
cli-login-password_stdin = Read the password from standard input.
cli-whoami = Show which account and session this profile uses.
cli-logout = End the session on the server and remove its secrets from this computer.
cli-logout-wipe = Also delete every file of this profile: data, cache and logs.
cli-doctor = Check the keychain, the encrypted store, the homeserver and the session.

device-name = Estafette on { $host }

## Logging in and out
logout-done = Logged out: the session is ended on the server and its secrets are gone from this computer.
logout-local = The server had already ended this session; its secrets are gone from this computer.
logout-wiped = Logged out and wiped: the session is ended and nothing of this profile is left on this computer.
logout-wiped-local = Wiped: nothing of this profile is left on this computer. The server could not be told; sign this session out from another one if it still shows.
warning-offline = the server could not be reached, this is what this computer knows: { $cause }

## Doctor
doctor-status-ok = ok
doctor-status-failed = FAILED
doctor-status-skipped = skipped
doctor-keychain-ok = the system keychain is reachable and can store secrets
doctor-account-ok = logged in as { $user } on session { $device }
doctor-homeserver-ok = { $url } answers (Matrix { $version })
doctor-store-ok = the encrypted store opens with its key from the keychain
doctor-session-ok = the server accepts this session
doctor-skipped-account = needs a logged-in account
doctor-skipped-keychain = needs the keychain
doctor-skipped-store = needs the store

## Keychain
keychain-unreachable = No system keychain is reachable ({ $cause }). Estafette keeps its secrets only in the keychain and never writes them anywhere else. Start a Secret Service provider such as GNOME Keyring or KeePassXC in your desktop session; on a machine without a desktop, run Estafette inside "dbus-run-session" after unlocking "gnome-keyring-daemon --unlock".
keychain-locked = The system keychain refused access ({ $cause }). Unlock your keyring (log in to your desktop session, or run "gnome-keyring-daemon --unlock") and allow Estafette to use it, then try again.
keychain-corrupt = The keychain entry "{ $entry }" does not hold what Estafette stored there. Run "estafette logout --wipe" and log in again.
keychain-failed = The system keychain failed: { $cause }
keychain-no-store = no keychain store is set up on this system

## Errors
error-profile-name = "{ $name }" is not a valid profile name: use 1 to 64 letters, digits, "-" or "_".
error-no-home = Your home folder could not be found, so Estafette does not know where to keep its files. Give one with --data-dir.
error-io = Could not use { $path }: { $cause }
error-account-file = The account file { $path } is damaged ({ $cause }). Run "estafette logout --wipe" and log in again.
error-url-malformed = "{ $url }" is not a valid server address: { $cause }.
error-url-no-host = it names no server
error-url-scheme = "{ $url }" uses "{ $scheme }": a homeserver is reached over https.
error-url-plain-http = Refused "{ $url }": plain http is not encrypted, so anyone on the network could read and change what is sent. Use https (plain http is accepted only for this computer itself).
error-user-id = "{ $input }" is not a valid Matrix ID: { $cause }.
error-user-id-form = write a full Matrix ID such as @name:example.org, or a bare user name together with --homeserver
error-need-homeserver = "{ $user }" is a user name without a server: write your full Matrix ID (@{ $user }:example.org) or give --homeserver.
error-discovery = The Matrix server for "{ $server }" could not be found ({ $cause }). Check the address, or give the homeserver with --homeserver.
error-unreachable = The server { $url } cannot be reached: { $cause }. Check your connection and the address.
error-no-password-login = The server { $url } accepts neither passwords nor any other way of signing in that Estafette knows.
error-wrong-password = Wrong user name or password.
error-not-logged-in = No account is logged in on the profile "{ $profile }". Run "estafette login".
error-soft-logged-out = Your session for { $user } has expired. Run "estafette login" with your password to continue on this same session: your keys are kept.
error-logged-out-by-server = The server has ended the session of { $user } (it was signed out, perhaps from another device). Its secrets are gone from this computer; run "estafette login" to start a new session.
error-already-logged-in = This profile is already logged in as { $user }. Log out first, or use another profile with --profile (this one is "{ $profile }").
error-other-account = This profile belongs to { $existing }. Log in as that account, run "estafette logout --wipe", or use another profile (this one is "{ $profile }").
error-store-key-missing = The keychain no longer holds the key of { $user }'s encrypted store, so its local data cannot be read. Run "estafette logout --wipe" and log in again.
error-session-missing = The keychain no longer holds the session of { $user }. Run "estafette logout" and log in again.
error-store-locked = The encrypted store cannot be opened with the key from the keychain ({ $cause }). Run "estafette logout --wipe" and log in again.
error-server = The server refused: { $cause }
error-password-stdin = Give the password on standard input with --password-stdin (for example: estafette login --user @you:example.org --password-stdin < file).
error-password-empty = The password read from standard input is empty.

## Policy
policy-unreadable = The policy file { $path } cannot be read: { $cause }. Estafette does not start without the policy it was given.
policy-invalid = { $path }, line { $line }, key "{ $key }": { $cause }. Estafette does not start with a broken policy; fix the file or ask your IT department.
policy-empty-list = the list is empty, so no homeserver could be used; write "any" or name at least one server
policy-bad-server = "{ $server }" is not a server name
refusal-homeserver = The homeserver { $host } is not allowed by your organisation's policy.
refusal-unencrypted-room-creation = Rooms without encryption cannot be created: the policy requires every room to be end-to-end encrypted.
refusal-consent = Not sent: "{ $room }" is not encrypted, so the server and anyone who joins can read what you write. To send anyway, confirm for this room (command line: --allow-unencrypted).
refusal-consent-public = Not sent: "{ $room }" is a public room without encryption: anyone can join it and read what you write, and so can the server. To send anyway, confirm for this room (command line: --allow-unencrypted).
refusal-forbidden = Not sent: "{ $room }" is not encrypted, and your organisation's policy forbids sending messages in clear.
refusal-forbidden-public = Not sent: "{ $room }" is a public room without encryption, and your organisation's policy forbids sending messages in clear.
error-network = The homeserver cannot be reached: { $cause }. Check your connection.
error-unknown-room = No room "{ $room }" among yours: give its id (!…), its alias (#…) or its exact name.
error-encryption-unknown = Could not confirm whether "{ $room }" is encrypted, so nothing was sent. Try again when the server can be reached.
error-send-failed = The message could not be sent: { $cause }
error-timeout = no answer in time

## Trust of a message
trust-verified = Encrypted, from a verified session of a verified person.
trust-unverified-identity = Encrypted, but you have not verified this person: verify them to be sure who sent it.
trust-unsigned-device = Encrypted by a session its owner has not verified: it could be someone else who got into the account.
trust-unknown-device = Encrypted by an unknown or deleted session: its authenticity cannot be guaranteed.
trust-identity-changed = This person's identity changed since you verified them: check with them before trusting it.
trust-encrypted = Encrypted.
trust-sent-in-clear = Not encrypted: the server and anyone in the room could read it.
utd-missing-key = Cannot be decrypted yet: the key has not arrived. It may arrive when the sender's session comes online.
utd-sent-before-you-joined = Cannot be decrypted: it was sent before you joined, and its key was not shared with you.
utd-withheld = Cannot be decrypted: the sender's session refused to share the key with this session.
utd-unverified-sender = Cannot be decrypted: it comes from a session that is not verified, and you only accept verified senders.
utd-history-without-backup = Cannot be decrypted: it predates this session and key backup is not set up.
utd-history-on-unverified-device = Cannot be decrypted: it predates this session; verify this session to get its key from the backup.
utd-identity-changed = Cannot be decrypted: the sender's identity changed and their messages are refused until you check it.

## Rooms and messages
room-encrypted = encrypted
room-unencrypted = NOT ENCRYPTED
room-public = public
room-dm = direct
room-invited = invited
invite-from = from { $user }
send-queued = The server did not answer in time: the message waits in the queue on this computer and will be sent, once, when the server can be reached (by this or the next run of Estafette).
cli-exit-codes = Exit codes: 0 done; 1 failed (one line on stderr says why); 2 wrong usage; 3 message queued, not yet delivered (the next run sends it).
cli-rooms = List the rooms, with their encryption.
cli-create-room = Create a room (end-to-end encrypted).
cli-create-room-name = The room's name.
cli-create-room-topic = The room's topic.
cli-create-room-invites = Invite this person (repeat for several).
cli-create-room-unencrypted = Create it without encryption (only where the policy allows).
cli-dm = Open the direct chat with someone (encrypted), creating it if needed.
cli-dm-user = Their Matrix ID (@name:server).
cli-join = Join a room by id or alias, or accept an invitation.
cli-join-room = The room's id (!…), alias (#…), or a pending invitation.
cli-leave = Leave a room, or decline an invitation.
cli-leave-room = The room's id, alias or name.
cli-invites = List pending invitations.
cli-send = Send a message (markdown is formatted).
cli-send-room = The room's id, alias or name.
cli-send-text = The message.
cli-send-allow_unencrypted = Consent to send into this room although it is not encrypted.
cli-send-reply_to = Answer this message (its event id), quoting it.
cli-send-edit = Replace the text of this message of yours (its event id).
cli-react = Add your reaction to a message, or take it back if it is there.
cli-react-room = The room's id, alias or name.
cli-react-event = The message's event id.
cli-react-key = The reaction, usually one emoji.
cli-react-allow_unencrypted = Consent to react in this room although it is not encrypted.
cli-tail = Show the last messages of a room, decrypted, oldest first.
cli-tail-room = The room's id, alias or name.
cli-tail-limit = How many messages to show.
cli-tail-follow = Keep showing new messages until --timeout.
cli-tail-timeout = How long to follow, in seconds.
warning-first-sync = logged in, but the first sync did not finish ({ $cause }); it will complete on the next run

## Desktop app
status-loading = Opening your account…
status-starting = Connecting to the server…
status-offline = Offline: the server cannot be reached. Messages you send wait and go out when it is back.
status-error = Connection problem ({ $reason }); retrying.
home-pick-a-room = Choose a conversation on the left.
login-title = Log in to Estafette
login-intro = Your messages are end-to-end encrypted. Your password is sent only to your server, and your session is kept in this computer's keychain.
login-user-placeholder = Matrix ID, e.g. @marie.dupont:matrix.example.org
login-homeserver-placeholder = Homeserver (optional, e.g. https://matrix.example.org)
login-password-placeholder = Password
login-submit = Log in
login-busy = Logging in…
list-filter = Filter by name
list-invites = Invitations
list-direct = Direct messages
list-loading = Loading your conversations… { $count ->
    [0] none yet
    [one] one so far
   *[other] { $count } so far
}
list-rooms = Rooms
invite-accept = Accept
invite-decline = Decline
badge-encrypted = End-to-end encrypted
badge-public = Encrypted, but public: anyone can join and read from then on
badge-unencrypted = ⚠ NOT ENCRYPTED
badge-public-unencrypted = ⚠ PUBLIC · NOT ENCRYPTED
room-header-encrypted = End-to-end encrypted
room-header-unencrypted = ⚠ Not encrypted
room-members = { $count ->
    [one] { $count } member
   *[other] { $count } members
}
banner-unencrypted = ⚠ This room is NOT end-to-end encrypted. The server, and anyone who can join this room, can read what is written here.
banner-public-unencrypted = ⚠ PUBLIC ROOM, NOT ENCRYPTED. Anyone can join this room and read everything written here, and so can the server. Do not share anything confidential.
banner-public-encrypted = This room is public: it is encrypted, but anyone can join it and read what is written from then on.
room-load-older = Load older messages
composer-placeholder = Write an encrypted message… (Enter sends, Shift+Enter for a new line)
composer-placeholder-unencrypted = ⚠ Message in clear, readable by the server… (Enter sends)
composer-disabled = Sending is disabled in this room
composer-forbidden = Your organisation's policy forbids sending messages in rooms that are not encrypted.
composer-send = Send
consent-private = "{ $room }" is not encrypted: the server and anyone who joins can read your message. Send it in clear anyway? You will not be asked again in this room until you restart Estafette.
consent-public = "{ $room }" is a PUBLIC room without encryption: anyone can join it and read your message, and so can the server. Send it in clear anyway? You will not be asked again in this room until you restart Estafette.
consent-send = Send in clear
consent-cancel = Cancel
send-state-sending = sending…
send-state-failed = not sent: { $reason }
day-today = Today
day-yesterday = Yesterday
day-date = { $month } { $day }, { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
dialog-new-room = New room
dialog-new-chat = New direct chat
dialog-room-name = Name
dialog-room-topic = Topic (optional)
dialog-room-invite = Invite (Matrix IDs, separated by commas)
dialog-chat-user = Matrix ID, e.g. @paul.martin:matrix.example.org
dialog-always-encrypted = End-to-end encrypted: only the people in the conversation can read it.
dialog-create = Create
home-new-room = + Room
home-new-chat = + Chat
home-settings = Settings
settings-title = Settings
settings-account = Logged in as { $user }, session { $device }
settings-logout = Log out
settings-logout-wipe = Log out and wipe this device
settings-logout-wipe-note = Also deletes every file Estafette keeps for this account on this computer, and its keychain entries.
settings-close = Close
send-retry = Retry
error-retry-gone = this message is no longer waiting to be sent
notify-message = New message in { $room }
notify-mention = You were mentioned in { $room }
notify-body = Open Estafette to read it.
notify-open = Open
error-profile-in-use = Estafette is already running with the profile "{ $profile }" (another window or command). Close it first, or use another profile with --profile.

## Timeline: replies, edits, reactions, receipts, typing
timeline-read-by = Seen by { $names }
timeline-edited = (edited)
timeline-reply-loading = ↪ a message not loaded yet
timeline-react = React
timeline-reply = Reply
timeline-edit = Edit
react-needs-consent = This room is not encrypted: send a message here first (and confirm), then you can react.
composer-typing = { $count ->
    [one] { $names } is typing…
   *[other] { $names } are typing…
}
composer-replying = Replying to { $sender }: { $excerpt }
composer-editing = Editing your message: Enter saves the new text.
composer-cancel = Cancel
error-message-not-found = That message is not in this room's recent history (or was deleted).
react-not-encrypted = Reactions are not end-to-end encrypted: the server sees which emoji you pick, not your messages.
settings-section-account = Account
settings-name = Display name (what others see beside your messages)
settings-name-placeholder = Your name
settings-name-save = Save
settings-name-saved = Saved. Others see the new name from now on.
settings-section-appearance = Language and appearance
settings-language = Language
settings-language-system = System
settings-theme = Theme
settings-theme-system = System
settings-theme-light = Light
settings-theme-dark = Dark
settings-section-notifications = Notifications
settings-notifications-toggle = Desktop notifications for direct messages and mentions
settings-notifications-note = A notification never shows the message itself, only the conversation it is in.
settings-section-session = This computer
room-loading-older = Loading older messages…
room-jump-newest = ↓ Newest messages
settings-section-accounts = Other accounts on this computer
settings-account-signed-out = { $profile } (not signed in)
settings-account-open = Open
settings-account-add = Add another account

## Single sign-on
cli-login-sso = Sign in with your organisation's account in your web browser (single sign-on) instead of a password.
sso-opening = Opening your browser to sign in… (or open this address: { $url })
sso-browser-done = Signed in. You can close this page and go back to Estafette.
warning-browser = the browser could not be opened ({ $cause }); open the address above yourself
error-no-password-login-sso = The server { $url } does not accept passwords: sign in with your organisation's account instead (the button on the login screen, or "estafette login --sso").
error-no-sso = The server { $url } does not offer signing in with an organisation's account (single sign-on): log in with your password.
error-need-server = Say which server to sign in to: its address with --homeserver, or your Matrix ID.
error-browser = Your web browser could not be opened: { $cause }
error-sso-timeout = Signing in was not completed in the browser within { $minutes } minutes. Please try again.
error-sso-cancelled = Signing in was cancelled.
error-sso-failed = Signing in with your organisation's account did not complete: { $cause }
login-or = or
login-sso = Sign in with { $provider }
login-sso-organisation = Sign in with your organisation's account
login-sso-waiting = Continue in your browser…
login-sso-waiting-hint = Sign in on the page that opened in your web browser, then come back here.
login-sso-cancel = Cancel
login-sso-cancelling = Cancelling…

## Recovery key and key backup
error-recovery-wrong-key = This recovery key is not the right one. Check it for typos (capital and small letters differ) and, if the key was changed, use the newest one.
error-recovery-not-set-up = Recovery is not set up for this account, so there is no recovery key to use. Set it up from a session that works: estafette recovery enable.
error-recovery-already-enabled = Recovery is already set up for this account. To get a new recovery key in place of the one you have: estafette recovery reset.
error-recovery-recover-first = This session does not hold your account's secrets yet: first recover them with your recovery key (estafette recovery recover), or verify this session from another one.
error-recovery-failed = Recovery did not complete: { $cause }
error-reset-identity-auth = To reset your identity the server asks for a confirmation Estafette cannot give here ({ $kind }). Reset it from your organisation's web client.
error-reset-identity-password = Give your account's password on standard input with --password-stdin: the server asks for it before replacing your identity.
error-recovery-key-empty = No recovery key was read from standard input.
recovery-state-enabled = Recovery: set up. Your recovery key can restore your secrets and history on a new session.
recovery-state-disabled = Recovery: not set up. If you lose this session, your encrypted history is lost: run "estafette recovery enable".
recovery-state-incomplete = Recovery: set up on your account, but this session lacks some secrets. Recover them with your recovery key.
recovery-state-unknown = Recovery: not known yet (the server could not be asked).
recovery-backup-saved = Key backup: on, every message key of this session is saved.
recovery-backup-pending = Key backup: on, some message keys are still being saved.
recovery-backup-elsewhere = Key backup: it exists on your account, but this session cannot use it yet.
recovery-backup-off = Key backup: off.
recovery-cross-signing-complete = Identity keys: all present on this session.
recovery-cross-signing-missing = Identity keys: missing on this session.
recovery-session-verified = This session: verified.
recovery-session-unverified = This session: not verified.
recovery-key-shown-once = This is your recovery key. Store it somewhere safe, such as a password manager or on paper kept under lock: it is shown only this once, and without it a new session cannot read your encrypted history.
recovery-key-replaced = This is your new recovery key; the old one no longer works. Store it somewhere safe: it is shown only this once.
recovery-identity-reset = Your identity has been reset. This is your new recovery key; store it somewhere safe: it is shown only this once. Ask your contacts to verify you again.
recovery-prompt = Type or paste your recovery key, then press Enter:
recovery-recovered = Recovery done: this session is verified and can read your encrypted history.
recovery-reset-identity-warning = Resetting your identity cannot be undone. Messages encrypted until now can no longer be read on any new session; your other sessions and the people who verified you will see you as unverified and must verify you again; your current recovery key stops working. Do it only if you have lost your recovery key and all your other sessions. To go ahead, run the command again with --yes-i-understand.
cli-recovery = Set up, check or use the recovery key that protects your encrypted history and your identity.
cli-recovery-status = Show whether recovery and key backup are set up, and whether this session is verified.
cli-recovery-enable = Set up recovery and print the recovery key, once.
cli-recovery-recover = Restore your identity and history on this session with your recovery key, read from standard input.
cli-recovery-reset = Replace the recovery key with a new one, printed once; the old one stops working.
cli-recovery-reset-identity = Start your encryption identity afresh, when your recovery key and all your other sessions are lost.
cli-recovery-reset-identity-password_stdin = Read your account's password from standard input (the server asks for it).
cli-recovery-reset-identity-yes_i_understand = Confirm that you understand what is lost: without it, nothing is done.
