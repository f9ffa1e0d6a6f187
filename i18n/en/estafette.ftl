## Command line
cli-about = Estafette, a Matrix messenger where end-to-end encryption is the rule.
cli-arg-data_dir = Keep the profile's data and cache under this folder instead of the system's.
cli-arg-profile = Which account (profile) to use; each has its own data, cache and keychain entries.
cli-arg-log_level = Show the log on the terminal from this level up (the log file always keeps at least "info").
cli-arg-background = Start without a window, behind the tray icon (as at login); with no tray, the window opens.
cli-arg-json = Print JSON for programs instead of text for people.
cli-login = Log in with a password, or with your organisation's account (--sso), and keep the session in the system keychain.
cli-login-homeserver = The homeserver's address; without it, the server of your Matrix ID is asked.
cli-login-user = Your full Matrix ID (@name:server) or, with --homeserver, your user name (optional with --sso).
cli-login-password_stdin = Read the password from standard input.
cli-whoami = Show which account and session this profile uses.
cli-logout = End the session on the server and remove its secrets from this computer.
cli-logout-wipe = Also delete every file of this profile: data, cache and logs.
cli-unlock = Unlock this profile when its window was locked by your organisation's idle lock: the server checks the account's password.
cli-unlock-password_stdin = Read the password from standard input.
cli-password = Change your account's password: give the current one, then the new one twice, one per line on standard input. Every other session of the account is signed out, unless --keep-other-sessions.
cli-password-keep_other_sessions = Leave the account's other sessions signed in (by default they are all signed out, as after a breach).
cli-doctor = Check this computer, the keychain, the encrypted store, the homeserver, the session, the sync and the encryption, and show the policy in force; the exit is non-zero when something is wrong.

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
doctor-account-ok = logged in as { $user } on session { $device }
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
error-search-index = The local search index cannot be used ({ $cause }). Messages are safe on the server; search works again once it is rebuilt.
error-search-unavailable = Local search is not available in this run: its index could not be opened (the log says why).
error-message-not-found = The server does not give the message { $event } or what is around it: it may have been deleted, or be in a part of the history this account cannot read.
error-wrong-password = Wrong user name or password.
error-wrong-current-password = The current password is wrong: nothing was changed.
error-password-refused = The server refuses this new password: { $reason } Nothing was changed.
error-password-mismatch = The two new passwords differ: nothing was changed.
error-password-unchanged = The new password is the current one: choose another.
error-no-server-check = The server cannot confirm who you are right now (it asks for nothing), so Estafette stays locked. Try again in a few minutes, or ask your IT department.
error-no-password-check = This account has no password on the server: it signs in through your organisation. Use "Sign in with your organisation" instead.
error-no-sso-check = The server does not offer to confirm who you are through your organisation's sign-in for this account.
error-sso-check-not-done = The server has not seen the sign-in finished yet. Finish it in the browser, then press "I have signed in" again.
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
error-secret-too-long = What was read from standard input is too long for a password or a key (64 KiB at most).
error-secret-not-text = What was read from standard input is not text (UTF-8).

## Policy
policy-unreadable = The policy file { $path } cannot be read: { $cause }. Estafette does not start without the policy it was given.
policy-untrusted = The organisation's policy { $path } is not protected, so Estafette does not trust it: { $cause } Only the system's administrator may be able to change it: ask your IT department to install it owned by root, mode 0644.
policy-untrusted-owner = { $path } belongs to the user { $uid }, not to root.
policy-untrusted-writable = { $path } can be changed by other users (mode { $mode }).
policy-untrusted-not-a-file = { $path } is not a file.
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
error-ambiguous-room = { $count } of your rooms are named "{ $room }" ({ $ids }): give the room's id (!…) or alias (#…) so the message cannot go to the wrong one.
error-encryption-unknown = Could not confirm whether "{ $room }" is encrypted, so nothing was sent. Try again when the server can be reached.
error-send-failed = The message could not be sent: { $cause }
error-timeout = no answer in time

## Trust of a message
trust-verified = Encrypted, from a verified session of a verified person.
trust-unverified-identity = Encrypted, but you have not verified this person: verify them to be sure who sent it.
trust-unsigned-device = Encrypted by a session its owner has not verified: it could be someone else who got into the account.
trust-unknown-device = Encrypted by an unknown or deleted session: its authenticity cannot be guaranteed.
trust-forged-sender = Danger: the sender of this message could not be authenticated. The key that encrypted it belongs to someone else than the sender shown: it may be forged, by the server or by whoever controls it. Do not act on it without checking with the person another way.
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
rooms-incomplete = The server's room list has not all arrived yet: { $loaded } of { $total } rooms are listed. Run the command again in a moment for the rest.
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
cli-send-thread = Answer in the thread this message starts (its event id).
cli-send-mention = Mention this person (a Matrix ID) so they are notified, or everyone with @room (with the power to); may be given again. Written where the text names them, or else in front.
cli-react = Add your reaction to a message, or take it back if it is there.
cli-react-room = The room's id, alias or name.
cli-react-event = The message's event id.
cli-react-key = The reaction, usually one emoji.
cli-react-allow_unencrypted = Consent to react in this room although it is not encrypted.
cli-tail = Show the last messages of a room, decrypted, oldest first.
cli-tail-room = The room's id, alias or name.
cli-tail-limit = How many messages to show.
cli-tail-follow = Keep showing new messages until --timeout.
cli-redact = Delete a message: yours, or another member's if your power level allows it. Everyone in the room then sees "Message deleted". The server removes the message's content from what it serves at once, but may keep the encrypted original in its database for a while (Synapse: 7 days by default).
cli-redact-room = The room's id, alias or name.
cli-redact-event = The message's event id.
cli-redact-reason = Why, shown to the room beside "Message deleted".
cli-tail-events = Also show what happened in the room: who joined or left, changes of name, topic, power, encryption and history.
cli-tail-thread = Show the thread this message starts (its event id) instead of the room.
cli-tail-around = Show the messages around this one (its event id, as search --json gives it), as the window shows a search result.
redact-not-allowed = Your power level in this room does not allow deleting other members' messages.
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
drop-question = Send the file "{ $file }" to { $room }? It was dropped on the window.
drop-send = Send the file
consent-cancel = Cancel
send-state-sending = sending…
send-state-failed = not sent: { $reason }
day-today = Today
day-yesterday = Yesterday
day-date = { $month } { $day }, { $year }
day-unknown = Date unknown
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
dialog-room-name-in-clear = The server sees the name and the topic: only the messages are encrypted.
dialog-chat-user = Name or Matrix ID (e.g. Marie Dupont, or @marie.dupont:server)
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
timeline-name-shared = ⚠ same name as another member
timeline-name-shared-why = Another member of this room shows under a name that looks the same. Tell them apart by their Matrix ID, beside the name: only that one cannot be copied.
timeline-forged-show = Show the message anyway
timeline-cut = (cut here: { $count } more characters not shown)
tail-forged = sender not authenticated
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
error-reply-target-missing = That message is not in this room's recent history (or was deleted).
react-not-encrypted = Reactions are not end-to-end encrypted: the server sees who reacted to which message, and with which emoji (not what the messages say).
settings-section-account = Account
settings-avatar = Profile picture
settings-avatar-choose = Choose a picture…
settings-avatar-remove = Remove
settings-avatar-busy = Publishing your picture…
settings-avatar-dialog = Choose your profile picture
settings-profile-public = Your name and picture are public: anyone on the server, and on the servers of the people you talk to, can see them. They are not encrypted. Only the picture's pixels are sent, not the file's details (location, camera).
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
settings-notifications-toggle = Desktop notifications, for what each room's mode says (its menu under the room's name)
settings-notifications-note = A notification never shows the message itself, only the conversation it is in.
settings-section-privacy = What the server sees
settings-privacy-reactions = Reactions are not encrypted: the server sees who reacted to which message, and with which emoji (it does not see the message).
settings-privacy-receipts = Read receipts are private: Estafette tells only the server how far you have read, never the other members.
settings-privacy-typing = Typing notices are not encrypted: the server and the room's members see when you are typing (not what). Estafette sends none in a room without encryption.
settings-privacy-reactions-off = Your organisation has turned reactions off.
settings-section-session = This computer
room-loading-older = Loading older messages…
room-jump-newest = ↓ Newest messages
around-title = A message among the messages around it. New messages are in the live conversation.
around-latest = Back to the latest messages
around-loading = Reading the messages around this one…
around-earlier = ↑ Earlier messages
around-later = ↓ Later messages
around-stepping = Reading…
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
error-sso-other-account = You asked to sign in as { $named }, but the browser came back signed in as { $signed_in }. Nothing was kept of that session. Sign out of the other account in your browser, then try again.
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
settings-section-security = Security
settings-security-checking = Checking recovery and this session…
settings-recovery-enabled = Recovery is set up: your recovery key can bring back your secrets and your encrypted history on a new session.
settings-recovery-disabled = Recovery is not set up. If you lose this computer and have no other session, your encrypted history is lost for good.
settings-recovery-incomplete = Your account has a recovery key, but this session does not have your secrets yet: enter the key to read your history here and to be trusted by your contacts.
settings-recovery-unknown = Recovery could not be checked (the server did not answer).
settings-recovery-set-up = Set up recovery
settings-recovery-change = Change the recovery key
settings-recovery-enter = Enter the recovery key
settings-session-verified = This session is verified.
settings-session-unverified = This session is not verified yet.
recovery-ui-title = Recovery key
recovery-ui-generating = Making your recovery key and saving your message keys…
recovery-ui-key = This is your recovery key. Store it somewhere safe, such as a password manager, or on paper kept under lock. It is shown only this once: without it, a new session cannot read your encrypted history.
recovery-ui-new-key = This is your new recovery key; the old one no longer works. Store it somewhere safe: it is shown only this once.
recovery-ui-copy = Copy
recovery-ui-stored-it = I have stored it
recovery-ui-type-group = To check you have it, type group number { $number } of your key (the groups are separated by spaces).
recovery-ui-group-wrong = That is not this group of the key shown. Check capital and small letters, which differ.
recovery-ui-check = Check
recovery-ui-stored = Done. Keep your recovery key safe: anyone who has it can read your encrypted history.
recovery-ui-enter = Type or paste your recovery key. It brings back your secrets and your encrypted history on this session.
recovery-ui-key-placeholder = Recovery key
recovery-ui-recover = Recover
recovery-ui-recovering = Checking the key and bringing back your secrets…
recovery-ui-recovered = This session is now verified and can read your encrypted history.
banner-recover = This session is not verified yet: enter your recovery key to read your encrypted history here and be trusted by your contacts.
banner-set-up-recovery = Recovery is not set up: if you lose this computer, your encrypted history is lost. It takes a minute.
recovery-ui-show-again = Show the key again
login-other-accounts = Other accounts on this computer
login-ended-by-server = The server has signed { $user } out: the password was changed, or every session was signed out, perhaps after a breach. Nothing of that session is left on this computer. Sign in again, with the new password if it changed.
cli-people = Find people in the server's directory by name or Matrix ID.
cli-people-term = A name, part of a name, or a Matrix ID.
people-none = Nobody found for "{ $term }".

## Identity changes and verified-only sending
error-identity-changed = { $count ->
    [one] { $users }'s identity has changed since you verified it.
   *[other] The identity of { $users } has changed since you verified them.
} { $held ->
    [yes] Your message is held.
   *[no] Your message was not sent.
} It may be a new device or a reinstalled app — or someone else. Check with them another way, then accept the change or verify them again.
error-unverified-sessions = { $count ->
    [one] This session was not verified by its owner, whom you verified: { $sessions }.
   *[other] These sessions were not verified by their owners, whom you verified: { $sessions }.
} Your message is held. It may be a new device — or someone else. Ask them to verify it or sign it out, then send again.
error-session-not-verified = This session is not verified, so it cannot send here. Verify it with another of your sessions or with your recovery key.
error-no-identity = { $user } has no encryption identity yet, so there is nothing to accept.
identity-no-changes = Nobody in this room has changed identity since you verified them.
identity-accepted = { $user }'s new identity is accepted. They show as not verified until you verify them again. { $count ->
    [0] No message was waiting.
    [one] The message that was held is being sent.
   *[other] The { $count } messages that were held are being sent.
}
send-left-out = { $count ->
    [one] Not shared with this session, which is not verified: { $sessions }. It cannot read your message.
   *[other] Not shared with these sessions, which are not verified: { $sessions }. They cannot read your message.
} If they are genuine, verify them, then send again.
cli-identity = See and accept changes of identity of people you verified, and the sessions you have not verified.
cli-identity-changes = List the people of a room whose identity changed since you verified them.
cli-identity-changes-room = The room: its ID (!…) or address (#…).
cli-identity-accept = Accept a person's new identity, after checking with them another way; messages held because of it are sent.
cli-identity-accept-user = Their Matrix ID (@name:server).
cli-identity-sessions = List the sessions in a room that you have not verified (they do not get your messages when verified-only sending is on).
cli-identity-sessions-room = The room: its ID (!…) or address (#…).
cli-identity-sign-unchecked = Tests only: mark a person as verified without comparing anything.
cli-identity-sign-unchecked-user = Their Matrix ID (@name:server).
policy-locked = Your organisation's policy ({ $path }) sets { $key } for everyone: it cannot be changed in your own settings.
policy-forced-is-for-organisations = only your organisation's policy can force this; choose "on" or "off"
policy-set = { $key } is now "{ $value }" in your settings. It applies the next time Estafette starts.
policy-from-default = built-in default
policy-from-user = your settings ({ $path })
policy-from-organisation = set by your organisation ({ $path }), cannot be changed
policy-from-organisation-default = recommended by your organisation ({ $path }), you may change it
cli-policy = Show the rules in force and where each comes from; change your own settings.
cli-policy-show = Show the rules in force, and whether each comes from your organisation, your settings or the defaults.
cli-policy-set = Change one of your own settings (not one your organisation has locked, nor weaker than its minimum); it applies from the next start.
cli-policy-set-key = The setting to change.
cli-policy-set-value = Its new value: on or off (verified_only_sending), true or false (require_*), show or hide (notification_content), on or off (public_room_directory), all, private or off (media_previews), error to trace (log_level_max), minutes with 0 for never (idle_lock_minutes).
moment-today = today at { $time }
moment-yesterday = yesterday at { $time }
sessions-seen-at = { $day } at { $time }
sessions-column-id = ID
sessions-column-name = Name
sessions-column-verified = Verified
sessions-column-seen = Last seen
sessions-column-ip = IP address
sessions-verified = verified
sessions-not-verified = not verified
sessions-this-session = (this session)
sessions-keys-only = (keys only: not on the server's list)
sessions-ui-keys-only = The server's list of sessions does not name this one, yet its keys are known and it can receive the keys of your messages. A dehydrated device (kept by another app to receive messages while you are away) looks like this; if you know of none, tell your IT department.
sessions-renamed = Session { $id } is now named "{ $name }".
sessions-signed-out = { $count ->
    [0] There was no other session to sign out.
    [one] Signed out 1 session: { $ids }.
   *[other] Signed out { $count } sessions: { $ids }.
}
sessions-new-login = New login to your account: { $name } ({ $id }), { $time }. Was this you? If not, sign it out: estafette devices sign-out { $id }
sessions-time-unknown = time unknown
sessions-password-stdin = Give it on standard input with --password-stdin (for example: estafette devices sign-out --others --password-stdin < file).
error-sessions-need-password = Signing out sessions needs your password: the server asks for it to make sure it is you. Nothing was signed out.
error-sessions-other-auth = To sign out sessions the server asks for a confirmation Estafette cannot give here ({ $kind }). Sign them out from your organisation's web client.
error-sessions-this-session = That is the session you are using: to end it, log out instead.
error-sessions-unknown = Your account has no session with the ID "{ $id }".
error-sessions-name-empty = A session's name cannot be empty.
cli-devices = List the sessions signed in to your account: name, ID, whether verified, when and from where last seen.
cli-devices-rename = Give one of your sessions a new name (people you talk with can see it).
cli-devices-rename-id = The session's ID, as "estafette devices" shows it.
cli-devices-rename-name = Its new name.
cli-devices-sign-out = Sign out one or more of your other sessions, or all of them with --others.
cli-devices-sign-out-ids = The IDs of the sessions to sign out, as "estafette devices" shows them.
cli-devices-sign-out-others = Sign out every session but this one.
cli-devices-sign-out-password_stdin = Read your account's password from standard input (the server asks for it).
cli-devices-watch = Print each new login to your account as it happens, until --timeout.
cli-devices-watch-timeout = How long to watch, in seconds.
error-own-unverified = { $count ->
    [one] A session of your own account is not verified: { $sessions }.
   *[other] Sessions of your own account are not verified: { $sessions }.
} Your message is held, so that nobody who got into your account can read it. If it is yours, verify it with your recovery key or from this session; if not, sign it out now and change your password. Then send again.

# Verification by emoji (SAS) and QR code
verify-cancel-mismatch = The emoji did not match. Someone may be interfering: do not trust this session or person, and tell your IT support.
verify-cancel-timeout = The verification took too long and was stopped. Start again when both of you are ready.
verify-cancel-by-them = The other side cancelled the verification.
verify-cancel-by-us = You cancelled the verification.
verify-cancel-elsewhere = Another session answered this request first, so this one stopped.
verify-cancel-unsupported = The other app cannot verify this way. Try the other way (emoji or QR code).
verify-cancel-failed = The verification failed because of a technical problem between the two apps. Start again; if it keeps failing, tell your IT support.
verify-sent = Verification request sent to { $who }. Accept it there.
verify-waiting-incoming = Waiting for a verification request…
verify-incoming = { $who } asks to verify. Accepting.
verify-compare = Compare these emoji with the other screen, in the same order:
verify-ask-match = Do they match? [y/N]
verify-waiting-other = Waiting for the other side…
verify-done = Verified: { $who } is now trusted, and shows as verified.
verify-stopped = Verification stopped: { $reason }
verify-gave-up = Nothing happened for { $secs } seconds: the verification was cancelled.
qr-written = The QR code's data is in { $path }. Let the other device scan this code:
qr-ask-scanned = Does the other device say it scanned the code successfully? [y/N]
qr-waiting-file = Waiting for the other device's QR code in { $path }: a picture of it (a screenshot or a photo), or its raw data.
qr-read = Code read. Waiting for the other device to confirm…
error-verification-unknown = There is no verification in progress with the ID "{ $id }".
error-verification-failed = The verification could not go on: { $cause }
error-qr-invalid = This is not a verification QR code, or it is damaged: { $cause }
error-device-unknown = { $user } has no session "{ $device }" that this session knows of.
cli-verify = Verify another of your sessions (no arguments), a person, or one of their sessions, by comparing emoji.
cli-verify-user = The person's Matrix ID (yours, for one of your own sessions).
cli-verify-device = The session's ID, to verify only that one.
cli-verify-incoming = Wait for a verification request from elsewhere and accept it.
cli-verify-timeout = How long to wait for the other side at each step, in seconds.
cli-me = Your public profile: display name and picture. Both are public and never encrypted.
cli-me-show = Show your display name and profile picture, as everyone on the server sees them.
cli-me-name = Change your display name; an empty name removes it.
cli-me-name-name = The new display name.
cli-me-avatar = Publish a picture as your profile picture, remove it, or save it to a file.
cli-me-avatar-file = The picture to publish (PNG, JPEG, WebP or GIF): it is cropped to a square and sent as a plain PNG, without the file's metadata (location, camera).
cli-me-avatar-remove = Remove your profile picture.
cli-me-avatar-out = Save your profile picture, as the server has it, to this file.
me-name = Display name: { $name }
me-no-name = No display name: others see { $user }.
me-avatar = Profile picture: { $url }
me-no-avatar = No profile picture.
me-public = Your display name and picture are public: anyone on the server, and on the servers of the people you talk to, can see them. They are not encrypted.
cli-qr = Verify with a QR code: show one, or read one.
cli-qr-show = Show a QR code for the other device to scan (and save its data in a file).
cli-qr-show-out = The file to write the QR code to: a picture if its name ends in .png, else the code's raw data.
cli-qr-show-user = The person's Matrix ID (yours, for one of your own sessions); none: your other sessions.
cli-qr-show-device = The session's ID, to verify only that one.
cli-qr-show-incoming = Wait for a verification request from elsewhere and accept it.
cli-qr-show-timeout = How long to wait for the other side at each step, in seconds.
cli-qr-scan = Read the QR code the other device shows, from a picture of it (PNG) or a file holding its raw data.
cli-qr-scan-file = A picture (PNG, JPEG, WebP or GIF) of the other device's QR code, or the code's raw data; waited for if it does not exist yet.
qr-waiting-clipboard = Waiting for a picture of the other device's QR code in the clipboard: copy the screenshot of it.
cli-qr-scan-clipboard = Read the code from the picture in the clipboard (a screenshot you copied); waited for until one holds a code.
cli-qr-scan-user = The person's Matrix ID (yours, for one of your own sessions); none: your other sessions.
cli-qr-scan-device = The session's ID, to verify only that one.
cli-qr-scan-incoming = Wait for a verification request from elsewhere and accept it.
cli-qr-scan-timeout = How long to wait for the other side at each step, in seconds.
# The 64 SAS emoji of the Matrix specification, by index
sas-emoji-dog = Dog
sas-emoji-cat = Cat
sas-emoji-lion = Lion
sas-emoji-horse = Horse
sas-emoji-unicorn = Unicorn
sas-emoji-pig = Pig
sas-emoji-elephant = Elephant
sas-emoji-rabbit = Rabbit
sas-emoji-panda = Panda
sas-emoji-rooster = Rooster
sas-emoji-penguin = Penguin
sas-emoji-turtle = Turtle
sas-emoji-fish = Fish
sas-emoji-octopus = Octopus
sas-emoji-butterfly = Butterfly
sas-emoji-flower = Flower
sas-emoji-tree = Tree
sas-emoji-cactus = Cactus
sas-emoji-mushroom = Mushroom
sas-emoji-globe = Globe
sas-emoji-moon = Moon
sas-emoji-cloud = Cloud
sas-emoji-fire = Fire
sas-emoji-banana = Banana
sas-emoji-apple = Apple
sas-emoji-strawberry = Strawberry
sas-emoji-corn = Corn
sas-emoji-pizza = Pizza
sas-emoji-cake = Cake
sas-emoji-heart = Heart
sas-emoji-smiley = Smiley
sas-emoji-robot = Robot
sas-emoji-hat = Hat
sas-emoji-glasses = Glasses
sas-emoji-spanner = Spanner
sas-emoji-santa = Santa
sas-emoji-thumbs-up = Thumbs Up
sas-emoji-umbrella = Umbrella
sas-emoji-hourglass = Hourglass
sas-emoji-clock = Clock
sas-emoji-gift = Gift
sas-emoji-light-bulb = Light Bulb
sas-emoji-book = Book
sas-emoji-pencil = Pencil
sas-emoji-paperclip = Paperclip
sas-emoji-scissors = Scissors
sas-emoji-lock = Lock
sas-emoji-key = Key
sas-emoji-hammer = Hammer
sas-emoji-telephone = Telephone
sas-emoji-flag = Flag
sas-emoji-train = Train
sas-emoji-bicycle = Bicycle
sas-emoji-aeroplane = Aeroplane
sas-emoji-rocket = Rocket
sas-emoji-trophy = Trophy
sas-emoji-ball = Ball
sas-emoji-guitar = Guitar
sas-emoji-trumpet = Trumpet
sas-emoji-bell = Bell
sas-emoji-anchor = Anchor
sas-emoji-headphones = Headphones
sas-emoji-folder = Folder
sas-emoji-pin = Pin

## Desktop app: verification, sessions, new-login alert, identity changes
verify-title-own = Verify this session
verify-title-own-other = Verify your session { $device }
verify-success-own = Done: { $who } is verified. Your sessions list shows it as verified, and it can read what you send.
verify-title-person = Verify { $who }
verify-own-session = your other session
verify-own-session-named = your other session { $device }
verify-waiting-accept = Waiting for { $who } to accept the request…
verify-incoming-own = Another session of your account asks to verify this one. Accept only if you started it yourself, just now.
verify-incoming-person = { $who } asks to verify you. Accept only if you are in touch with them right now, in person or on a call.
verify-accept = Accept
verify-decline = Decline
verify-choose = How do you want to verify? Keep both screens in front of you.
verify-by-emoji = Compare emoji
verify-by-qr = Show a QR code
verify-cancel = Cancel
verify-compare-note = The emoji must be the same, in the same order. If a single one differs, answer "They don't match".
verify-match = They match
verify-mismatch = They don't match
verify-qr-show = Scan this code with the other device.
verify-qr-scanned = The other device says it scanned the code. Does it show that the verification succeeded?
verify-qr-scanned-yes = Yes, it succeeded
verify-qr-scanned-no = No
verify-success = Done: { $who } is verified. Messages now carry the verified shield.
verify-close = Close
sessions-ui-title = Your sessions
sessions-ui-intro = Every place your account is signed in. If you do not recognise one, sign it out and change your password.
sessions-ui-loading = Asking the server…
sessions-ui-this = This session
sessions-ui-verified = ✓ Verified
sessions-ui-unverified = ⚠ Not verified
sessions-ui-seen = last seen { $when }
sessions-ui-name-placeholder = Session name (others can see it)
sessions-ui-save = Save
sessions-ui-cancel = Cancel
sessions-ui-rename = Rename
sessions-ui-verify = Verify
sessions-ui-sign-out = Sign out
sessions-ui-password = Your account's password
sessions-ui-password-why = Your server asks for your password to make sure it is really you signing sessions out.
sessions-ui-continue = Continue
sessions-ui-others = Sign out all other sessions
sessions-ui-others-confirm = { $count ->
    [one] Sign out your other session? It will have to log in again.
   *[other] Sign out your { $count } other sessions? Each will have to log in again.
}
sessions-ui-others-yes = Sign them out
sessions-ui-signed-out = { $count ->
    [0] Nothing to sign out.
    [one] One session signed out.
   *[other] { $count } sessions signed out.
}
alert-title = New login to your account
alert-question = A new session signed in to your account: { $name } ({ $id }), { $when }. Was this you?
alert-advice = If it was not you, sign it out now, then change your password: someone else knows it.
alert-ip = Address: { $ip }
alert-sign-out = Sign it out
alert-verify = Verify it
alert-was-me = It was me
alert-signed-out = { $name } is signed out.
alert-signed-out-advice = Change your account's password now, and tell your IT support: whoever signed in knew it.
banner-verify-session = This session is not verified yet: people cannot tell it is really you. Verify it with another of your sessions or with your recovery key.
banner-verify-with-session = Verify with another session
banner-verify-with-key = Use the recovery key
identity-banner = { $count ->
    [one] The identity of { $users } has changed. It happens when someone reinstalls or resets their account, or when someone else poses as them. Your messages to them are held until you acknowledge it.
   *[other] The identities of { $users } have changed. It happens when people reinstall or reset their account, or when someone else poses as them. Your messages to them are held until you acknowledge it.
}
identity-acknowledge = Acknowledge and send
identity-verify = Verify { $user }
settings-sessions = { $count ->
    [one] One session is signed in to your account.
   *[other] { $count } sessions are signed in to your account.
}
settings-sessions-manage = Manage sessions
settings-verified-only = Send my messages only to verified sessions
settings-verified-only-note = People whose sessions you have not verified will not be able to read what you send. Changing this reconnects your account for a moment.
settings-locked = Set by your organisation

## Managed policy v2 and doctor v2
policy-weaker = Your organisation's policy ({ $path }) requires at least "{ $minimum }" for { $key }: you may choose something stricter, not weaker.
policy-organisation-only = only your organisation's policy file can set this key
policy-lock-needs-default = locking the login server needs default_homeserver in the same file
policy-bad-minutes = { $minutes } is not a number of minutes Estafette can use; write 0 (never) or a positive whole number
policy-from-organisation-minimum = minimum set by your organisation ({ $path }), you may choose stricter
refusal-homeserver-locked = Your organisation's policy fixes the homeserver to { $server }: sign in there, or ask your IT department.
refusal-public-room-directory = Your organisation's policy turns off the directory of public rooms. You can still join a room whose address you were given.
refusal-reactions = Your organisation's policy turns reactions off: Matrix sends them unencrypted, so the server would see who reacted to which message. Nothing was sent.
refusal-local-search = Search is turned off: no index of your messages may be kept on this computer (policy key local_search = "off") and the server's search may not be asked (server_search = "off").
refusal-encrypted-search = { $room } is encrypted, and local search is turned off (policy key local_search = "off"): the server cannot read its messages, and no index of them may be kept on this computer.
recovery-required-by-organisation = Your organisation's policy ({ $path }) requires recovery: set it up with "estafette recovery enable".
recovery-required-by-settings = Your settings require recovery: set it up with "estafette recovery enable".
doctor-status-warning = warning
doctor-failed = something is wrong: { $checks } (see the lines marked FAILED)
doctor-unknown = unknown
doctor-yes = yes
doctor-no = no
doctor-version = Estafette { $version } ({ $build } build, { $target })
doctor-version-commit = Estafette { $version } ({ $build } build, { $target }, commit { $commit })
doctor-system = { $os }; desktop: { $desktop }; session type: { $session }
doctor-policy = rules set by your organisation: { $organisation } ({ $organisation_file }); by your settings: { $user } ({ $user_file }); each one is listed below
doctor-policy-no-file = no file
doctor-policy-heading = Policy in force:
doctor-permissions-ok = the data and cache folders are private to you (folders 0700, files 0600)
doctor-hardening-ok = no core dumps, and no other program can trace this one or read its memory
doctor-hardening-core-dumps = core dumps are allowed: a crash could write the session's keys to disk
doctor-hardening-traceable = other programs of this user may trace this one and read its memory
doctor-permissions-open = { $path } is open to other users (mode { $mode }, expected 0700 for a folder and 0600 for a file){ $more ->
        [0] {""}
       *[other] , and { $more } more
    }. Estafette makes its folders private again when it opens the account; if this comes back, something else changes them.
doctor-permissions-owner = { $path } belongs to another user{ $more ->
        [0] {""}
       *[other] , and { $more } more
    }: Estafette was probably run as root once. Give the profile's files back to your user (chown).
doctor-keychain-ready = the system keychain ({ $backend }) is reachable and can store secrets
doctor-homeserver-reached = { $url } answers: Matrix { $versions }; { $transport }; sliding sync: { $sliding_sync }
doctor-tls-https = encrypted with TLS (https), certificate checked
doctor-tls-loopback = plain http to this computer only (loopback)
doctor-skipped-homeserver = needs the homeserver
doctor-skipped-session = needs a valid session
doctor-skipped-sync = needs the sync
doctor-sync-ok = the sync runs and brought the room list ({ $rooms } rooms)
doctor-sync-failed = the sync does not work: { $cause }
doctor-sync-offline = the server cannot be reached
doctor-sync-timeout = no answer within { $seconds } seconds
doctor-cross-signing-ok = this session holds the account's three cross-signing keys
doctor-cross-signing-partial = this session holds only some of the account's cross-signing keys: verify it from another session, or recover with the recovery key
doctor-cross-signing-none = this session holds none of the account's cross-signing keys: verify it from another session, or recover with the recovery key
doctor-recovery-enabled = recovery is set up, and this session holds every secret it protects
doctor-recovery-disabled = recovery is not set up: if every session is lost, the encrypted history is lost ("estafette recovery enable")
doctor-recovery-incomplete = recovery is set up, but this session lacks some secrets ("estafette recovery recover")
doctor-recovery-unknown = the recovery state is not known yet
doctor-backup-on = the key backup is on: this session saves its message keys on the server, encrypted
doctor-backup-elsewhere = a key backup exists, but this session cannot use it yet ("estafette recovery recover")
doctor-backup-off = there is no key backup
doctor-backup-unknown = the key backup could not be checked: { $cause }
doctor-verified-ok = this session is verified
doctor-verified-no = this session is not verified: verify it from another session ("estafette verify") or with the recovery key
doctor-required-by-policy = The policy in force requires it.
doctor-sessions-unknown = the sessions of this account could not be listed
doctor-sessions-ok = { $others ->
        [0] this is the account's only session
        [one] the account's other session is verified
       *[other] the account's { $others } other sessions are all verified
    }
doctor-sessions-unverified = other sessions not verified: { $count } of { $others } ({ $devices }); verify them or sign them out ("estafette devices")

## Attachments: sending a file, its upload's progress, downloading it
file-size-decimal-separator = { "." }
file-size-bytes = { $value } B
file-size-kilobytes = { $value } kB
file-size-megabytes = { $value } MB
file-size-gigabytes = { $value } GB
file-size-terabytes = { $value } TB
upload-progress = Sending { $name }: { $percent }% ({ $sent } of { $total })
error-file-missing = There is no file at { $path }: nothing was sent.
error-file-not-a-file = { $path } is a folder, not a file: nothing was sent.
error-file-unreadable = { $path } could not be read: { $cause }. Nothing was sent.
error-file-too-large = { $name } is too large to send ({ $size }): this server accepts files up to { $max }.
error-not-an-attachment = The message { $event } carries no file.
error-download-undecryptable = The message { $event } cannot be decrypted in this session (its key has not arrived), so its file cannot be opened.
error-download-failed = The file could not be downloaded: { $cause }
error-file-write = The file could not be saved as { $path }: { $cause }
error-crashed = Estafette could not open your account because of an internal error ({ $cause }). Nothing was lost: quit and start Estafette again, and if it happens again, run “estafette doctor” and give its report to your IT support.
error-not-a-picture = { $path } is not a picture Estafette can read (PNG, JPEG, WebP or GIF). Your profile picture is unchanged.
error-picture-too-large = { $path } is too large for a profile picture (at most 25 MB, and 16,384 pixels a side). Your profile picture is unchanged.
cli-send-file = Send this file instead of a text (encrypted in an encrypted room); the upload's progress shows on stderr.
cli-download = Save the file a message carries, decrypted.
cli-download-room = The room's id, alias or name.
cli-download-event = The message's event id (tail --json shows it).
cli-download-out = Where to save the file (replaced if it exists).
qr-read-not-image = This file is neither a PNG picture nor a saved verification code.
qr-read-no-code = No QR code could be read in this picture. Take it again, closer, with the whole code in view.
qr-read-not-matrix = This QR code is not a Matrix verification code.
verify-by-scan = Scan their code from a picture…
verify-by-paste = Paste from the clipboard
verify-scan-note = Or read the code the other device shows: from a picture of it, or a screenshot you copied.
clipboard-unavailable = The clipboard cannot be read on this desktop. Save the picture to a file and choose it instead.
clipboard-no-picture = The clipboard holds no picture. Copy the screenshot of the code (not the file), then try again.
verify-qr-save = Save as a picture…
verify-pick-title = The picture of the other device's QR code
room-partner-verified = ✓ Verified
room-partner-verify = Verify this person
recovery-ui-save = Save to a file…
recovery-ui-copied = Copied, marked as a password so clipboard managers keep no copy. Estafette takes it off the clipboard in a minute.
recovery-ui-saved = Saved to { $path }, readable by you alone. Keep that file somewhere safe, away from this computer.
recovery-file-note = Estafette recovery key. Keep it somewhere safe, away from this computer: with it, anyone can read your encrypted messages.
composer-attach = Attach a file
upload-sending = Sending { $name }…
upload-percent = { $percent }%
timeline-save-file = Save…
files-no-dialog = This desktop offers no file dialog. Ask your IT support to install xdg-desktop-portal-gtk (or zenity); meanwhile, drag the file onto the window.
notify-hidden = New message in Estafette
required-verification-title = Verify this session to continue
required-verification = Your organisation requires every session to be verified before it is used, so that nobody can read your conversations from a session you do not control. Verify this one with another of your sessions, or with your recovery key.
required-recovery-title = Set up recovery to continue
required-recovery = Your organisation requires recovery, so that your encrypted history is not lost with this computer. It takes a minute: you will get a recovery key to keep safe.
lock-title = Estafette is locked
lock-why = Nobody used this window for a while, so your organisation has it hidden. Prove to the server that you are { $user } to go on.
lock-password = Your account's password
lock-unlock = Unlock
lock-sso = Sign in with your organisation
lock-sso-waiting = Your browser shows your organisation's sign-in. Its page may say that an application wants to change your account: nothing is changed, the server only confirms that it is you. Once signed in, come back here.
lock-sso-finished = I have signed in
lock-logout-warning = Log out of this account on this computer? Its keys on this computer are deleted: without recovery set up, the encrypted history cannot be read again here.
lock-logout-confirm = Log out and delete the keys
lock-cli-refused = Estafette is locked: nobody used its window for a while (your organisation's idle lock). Unlock it in the window, or here with: estafette unlock --password-stdin
lock-cli-unlocked = Unlocked.
password-changed = Password changed. The account's other sessions stay signed in.
password-changed-others = Password changed, and every other session of the account was signed out: sign in again on your other devices with the new password.
password-three-lines = Give three lines on standard input: the current password, then the new one twice.
password-title = Change your password
password-why = If someone else may know your password (it leaked, or you used it elsewhere), change it and sign out every other session: whoever had it loses the sessions it opened. Your messages and keys on this computer stay.
password-current = Current password
password-new = New password
password-again = New password again
password-sign-out-others = Sign out all my other sessions
password-submit = Change the password
password-busy = Changing…
password-open = Change my password…
recovery-ui-reset-open = Reset my identity…
recovery-ui-reset = Reset my identity
recovery-ui-resetting = Making a new identity and a new recovery key…
recovery-ui-reset-warning = Only if you have lost your recovery key and every other session. This cannot be undone: messages encrypted until now can no longer be read on a new session; the people who verified you, and your other sessions, will see you as unverified and must verify you again; your current recovery key stops working. You will get a new recovery key. Your server asks for your password.

## What happened in a room, one line each (model/happening.rs)
happening-deleted = Message deleted
happening-deleted-by = Message deleted by { $who }
happening-reason = { $line } (reason: { $reason })
happening-joined = { $who } joined
happening-joined-encrypted = { $who } joined: they can read everything sent from here on
happening-left = { $who } left
happening-invited = { $by } invited { $who }
happening-kicked = { $by } removed { $who }
happening-banned = { $by } banned { $who }
happening-unbanned = { $by } lifted the ban on { $who }
happening-invite-declined = { $who } declined the invitation
happening-invite-withdrawn = { $by } withdrew the invitation of { $who }
happening-knocked = { $who } asked to join
happening-member-other = { $who }'s membership changed
happening-renamed = { $from } is now called { $to }
happening-new-picture = { $who } changed their picture
happening-created = { $who } created the room
happening-room-name = { $who } named the room “{ $name }”
happening-room-name-removed = { $who } removed the room's name
happening-topic = { $who } set the topic: { $topic }
happening-topic-removed = { $who } removed the topic
happening-room-picture = { $who } changed the room's picture
happening-power = { $who } changed who may do what in the room
happening-power-one = { $who } from { $from } to { $to }
happening-power-changes = { $who } changed power levels: { $changes }
happening-encryption-on = { $who } turned on end-to-end encryption
happening-history-anyone = { $who } made the history written from here on readable by anyone
happening-history-members = { $who } made the history readable by all members
happening-history-invited = { $who } made the history readable by members from their invitation on
happening-history-joined = { $who } made the history readable by members from when they joined
happening-join-public = { $who } opened the room to anyone, without an invitation
happening-join-restricted = { $who } made the room invitation only
happening-poll = Poll: { $question } (answer it in another app)
happening-location = Location shared: { $place } (open it in another app)
happening-call = A call (join it in another app)
happening-other = An event this app cannot show ({ $kind })

## Deleting a message (ui/panel/delete.rs)
delete-question = Delete this message?
delete-question-other = Delete this member's message? You do it as a moderator, and the room sees who did.
delete-explained = Everyone in the room will see "Message deleted" in its place, on every app. The server stops serving its content at once, but may keep the encrypted original in its database for a while. The reason is not encrypted: the server can read it.
delete-reason = Reason (optional)
delete-confirm = Delete
timeline-delete = Delete
timeline-copy = Copy

## A link that asks before opening (ui/panel/link.rs)
link-question = Open this link?
link-text-differs = The message shows “{ $shown }”, but the link goes somewhere else.
link-look-alike = This address has characters that can imitate another one, or hides its real server behind a name.
link-goes-to = It really goes to:
link-open = Open in the browser
link-not-opened = This link was not opened: only web and e-mail addresses are.
link-open-failed = The browser could not be opened: { $cause }
link-room-unknown = You are not in the room { $room }. Ask to be invited, or join it from the directory.

## Pictures in the timeline and the viewer (ui/panel/pictures.rs, viewer.rs)
picture-loading = Loading the picture…
picture-show = Show the picture
picture-held = Pictures from people you have no direct chat with are not loaded automatically in this room: it is public or not encrypted, and fetching them tells their server you looked.
picture-unreadable = This picture cannot be shown: { $cause }
viewer-loading = Loading the picture…
viewer-fit = Fit to window
viewer-actual = Actual size
viewer-close = Close
file-open = Open
picture-not-readable = not a picture this app can read, or one too large to open safely
list-order-activity = Sorted by activity · sort by name
list-order-name = Sorted by name · sort by activity
list-invited-by = Invited by { $who }
room-new-messages = New messages
room-jump-unread = ↑ Jump to first unread
paste-question = Send the picture on the clipboard to { $room }?
composer-pasted-name = pasted picture
paste-send = Send the picture
timeline-in-thread = ↳ in a thread
timeline-thread-replies = { $count ->
    [one] 💬 1 reply in its thread
   *[other] 💬 { $count } replies in its thread
}

## A thread beside the room (ui/panel/thread.rs)
thread-title = Thread
thread-loading = Loading the thread…
thread-placeholder = Answer in the thread…
thread-needs-consent = This room is not encrypted: send a first message in the room itself (it asks for your consent) before answering in a thread.

## Members and room settings (#16)
role-creator = creator
role-admin = admin
role-moderator = moderator
role-member = member
role-custom = power level { $level }
action-invite = invite people
action-kick = remove people
action-ban = ban people
action-unban = lift bans
action-role = change roles
action-rename = rename the room
action-topic = change the topic
action-avatar = change the room's picture
action-join-rule = change who can join
action-history = change who can read the history
action-guests = change whether guests may join
action-encryption = turn encryption on
action-mention-room = notify the whole room with @room
not-allowed-level = You cannot { $action } here: it takes power level { $needed }, and yours is { $mine }.
not-allowed-outranked = You cannot do that to { $user } ({ $action }): their power level ({ $theirs }) is not below yours ({ $mine }).
not-allowed-above-own = You cannot give power level { $level }: it is above your own ({ $mine }).
error-bad-level = "{ $level }" is not a power level Matrix accepts.
error-bad-role = "{ $role }" is not a role: say admin, moderator, member, or a power level (a number).
error-room-name-empty = A room's name cannot be empty.
error-already-encrypted = This room is already end-to-end encrypted (encryption, once on, cannot be turned off).
error-needs-consent = { $warning } Nothing was changed: run again with --yes to do it.
error-bad-setting = { $option } does not take "{ $value }": see "estafette room-settings --help".
join-rule-invite = only people invited
join-rule-knock = anyone may ask to join; a moderator lets them in
join-rule-restricted = members of given rooms or spaces
join-rule-public = anyone who has the link or finds the room
join-rule-other = a rule Estafette does not know
history-joined = members, from when they joined
history-invited = members, from when they were invited
history-shared = members, including what was said before they joined
history-world = anyone, member or not
member-invited-by = invited by { $user }
member-joined = joined
member-invited = invited
member-knocking = asks to join
member-banned = banned
member-left = left
member-verified = verified
member-identity-changed = identity changed: verify again
member-unverified = not verified
member-no-identity = no identity published
room-setting-opens = This lets more people into the room: { $rule }. Everyone who joins receives the keys to what is sent from then on.
room-setting-widens = This lets more people read what is sent: { $history }.
room-setting-none = (none)
room-setting-yes = yes
room-setting-no = no
room-setting-name = Name
room-setting-topic = Topic
room-setting-join-rule = Who can join
room-setting-history = Who can read the history
room-setting-guests = Guests may join
room-setting-encrypted = End-to-end encrypted
room-setting-replaced = This room has been replaced by { $room }: continue the conversation there.
room-setting-server-sees = The room's name, topic and picture are not end-to-end encrypted: the server sees them.
cli-leave-forget = Also forget the room: the server drops it from your list.
cli-members = List the people of a room: their role, whether they joined, are invited or banned, and whether you verified them.
cli-members-room = The room's id, alias or name.
cli-invite = Invite someone to a room. They will receive the keys to what is sent from then on.
cli-invite-room = The room's id, alias or name.
cli-invite-user = Their Matrix ID (@name:server).
cli-kick = Remove someone from a room (they may come back if the room lets them).
cli-kick-room = The room's id, alias or name.
cli-kick-user = Their Matrix ID (@name:server).
cli-kick-reason = Why, shown to the room and to them.
cli-ban = Ban someone from a room: removed, and kept out until unbanned.
cli-ban-room = The room's id, alias or name.
cli-ban-user = Their Matrix ID (@name:server).
cli-ban-reason = Why, shown to the room and to them.
cli-unban = Lift someone's ban: they may be invited or join again.
cli-unban-room = The room's id, alias or name.
cli-unban-user = Their Matrix ID (@name:server).
cli-unban-reason = Why, shown to the room and to them.
cli-role = Give someone a role in a room: admin (100), moderator (50), member, or a power level. Nobody can give more than their own level.
cli-role-room = The room's id, alias or name.
cli-role-user = Their Matrix ID (@name:server).
cli-role-role = admin, moderator, member, or a number.
cli-room-settings = Show a room's settings; change who can join, who can read the history, or turn encryption on.
cli-room-settings-room = The room's id, alias or name.
cli-room-settings-join_rule = Who can join: invite (only people invited), knock (anyone may ask, a moderator lets them in) or public (anyone).
cli-room-settings-history = Who can read what is sent: joined (from when they joined), invited, shared (members, all of it) or anyone.
cli-room-settings-encrypt = Turn end-to-end encryption on, for good: it cannot be turned off again.
cli-room-settings-yes = Consent to a change that lets more people in, or lets more people read.
cli-rename = Rename a room. The name is not end-to-end encrypted: the server sees it.
cli-rename-room = The room's id, alias or name.
cli-rename-name = The new name.
cli-topic = Set a room's topic, or clear it with "". The topic is not end-to-end encrypted: the server sees it.
cli-topic-room = The room's id, alias or name.
cli-topic-text = The new topic.
members-title = { $count ->
    [one] 1 member
   *[other] { $count } members
}
members-title-loading = Members
members-who-reads = Everyone here, and each of their sessions, receives the keys to what is sent from now on.
members-filter = Find a member by name or Matrix ID
members-loading = Loading the members…
members-more = …and { $count } more: type a name to find them.
members-none = Nobody matches.
members-ask-kick = Remove { $user } from the room? They can come back if the room lets them in.
members-ask-ban = Ban { $user }? They are removed and cannot come back until unbanned.
members-ask-unban = Lift the ban on { $user }? They may then be invited or join again.
members-ask-role = Make { $user } { $role }?
members-role-confirm = Change the role
members-admin-for-good = An admin has as much power as you: you will not be able to take it back.
members-kick = Remove…
members-ban = Ban…
members-unban = Unban…
members-reason = Reason (optional, the room and they see it)
members-invite-not-allowed = Your power level does not let you invite people here.
members-invite-placeholder = Invite by Matrix ID (@name:server)
members-invite = Invite
members-banned-because = banned: { $reason }
members-shield-verified = ✓ verified
members-shield-changed = ⚠ identity changed
members-shield-unverified = not verified
members-shield-none = no identity
members-message = Message
members-verify = Verify
members-role = Role:
members-cannot = Their power level ({ $theirs }) is not below yours ({ $mine }): you cannot remove, ban or change them.
room-settings-title = Room settings
room-settings-open = Settings
room-settings-loading = Loading the settings…
room-settings-save = Save
room-settings-no-power = Your power level in this room does not let you change this.
room-settings-forget = Also forget the room
room-settings-leave = Leave the room
room-settings-ask-leave = Leave this room? You will no longer receive what is sent in it; to come back you may need a new invitation.
room-settings-ask-forget = Leave and forget this room? It leaves your list, and its history can no longer be fetched from this account.
room-settings-apply = Change it
room-settings-encrypted = End-to-end encrypted: only the members' sessions can read the messages. This cannot be turned off.
room-settings-not-encrypted = Not end-to-end encrypted: the server can read every message sent here.
room-settings-encrypt = Turn on encryption…
room-settings-ask-encrypt = Turn on end-to-end encryption? This is for good: it can never be turned off again. From then on, the server can no longer read new messages; some bots and bridges stop working.
room-replaced = This room has been replaced by a new one: the conversation continues there.
room-replaced-go = Go to the new room
invite-block = Block
directory-world-readable = anyone can read it
directory-joined = joined
error-unknown-server = "{ $server }" is not a Matrix server name (such as matrix.org).
cli-directory = Search the public room directory of your server, or of another one. Refused when your organisation turned the directory off.
cli-directory-search = Words to look for in the rooms' names, addresses and topics (all rooms if none).
cli-directory-server = Another server whose directory to search (only a server your organisation allows).
home-explore = Explore public rooms, or join one by its address
directory-title = Explore public rooms
directory-address = Join by address: #room:server, or a matrix.to link
directory-join = Join
directory-open = Open
directory-search = Search public rooms by name or topic
directory-server = Server (optional)
directory-find = Search
directory-searching = Searching…
directory-none = No public room matches.
directory-not-an-address = That is not the address of a room: write #name:server, !id:server, or paste a matrix.to link to a room.
directory-ask-join = Join “{ $room }”?
directory-public-warning = This room is public: anyone can join it and read what is said there, and it may not be end-to-end encrypted. Write nothing there you would not say to a stranger.
members-ignore = Ignore…
members-ask-ignore = Ignore { $user }? You will no longer see their messages or invitations, in any room, on any of your sessions. You can undo it later.
members-sessions-loading = Looking up their sessions…
members-sessions-none = No session published: nothing sent here reaches them encrypted until they sign in with one.
members-sessions = { $count ->
    [one] 1 session receives what is sent to them:
   *[other] { $count } sessions receive what is sent to them:
}
members-session-verified = verified by its owner
members-session-unverified = not verified by its owner
list-all-spaces = All
list-space-rooms = Rooms of this space…
directory-space-title = Rooms of { $space }
directory-unencrypted-warning = This room is not end-to-end encrypted: the server, and anyone who joins, can read what is said there.
error-not-a-space = "{ $room }" is not a space.
cli-space = List a space's rooms, joined or not, and whether each is encrypted; join one with "estafette join".
cli-space-space = The space's id, alias or name.
members-you = { $name } (you)

## Mentions
mention-room = @room — notify everyone in the room
mention-hint = ↑ ↓ to choose, Tab or Enter to mention, Esc to close

## Notification modes
error-keyword-empty = A keyword cannot be empty.
error-bad-notify-mode = "{ $input }" is not a notification mode: use all, mentions, mute or default.
notify-mode-all = All messages
notify-mode-mentions = Mentions and keywords
notify-mode-mute = Mute
notify-mode-default = { $mode } (the server's default)
notify-mode-label = Notifications
cli-notifications = Show how much a room notifies, or set it: all (every message), mentions (mentions and keywords only), mute, or default (the server's). Kept in the server's push rules, so your other apps agree.
cli-notifications-room = The room's id, alias or name.
cli-notifications-mode = all, mentions, mute or default; show the current mode when left out.
cli-keywords = List the keywords that notify you wherever they are written, or add or remove one.
cli-keywords-action = add or remove.
cli-keywords-word = The keyword.

## Keywords
keywords-title = Keywords
keywords-loading = Reading your keywords…
keywords-none = No keywords yet.
keywords-remove = Remove
keywords-add = Add
keywords-placeholder = A word that should notify you, e.g. your service's name
keywords-note = A message that contains one notifies you and is highlighted, in every room that is not muted. Your other apps use the same keywords; in encrypted rooms each app finds them itself, since the server cannot read the messages.

## Do not disturb
quiet-off = Do not disturb: off.
quiet-until = Do not disturb until { $until }: no notification.
quiet-hour = Silence for 1 hour
quiet-day = Silence for 8 hours
quiet-stop = Notify again

## Knocking, guests, the room's picture, declining and blocking (CLI)
cli-leave-block = Declining an invitation: also ignore whoever sent it, so nothing more from them reaches you.
cli-knock = Ask to join a room whose rule is "ask to join": one of its moderators lets you in.
cli-knock-room = The room's id (!…) or alias (#…).
cli-knock-reason = Why, shown to the room's moderators.
cli-room-settings-guests = Whether guests (accounts without a password, where the server has them) may join: on or off.
cli-room-settings-avatar = Publish this picture as the room's (the server sees it: it is not end-to-end encrypted).
cli-room-settings-remove_avatar = Remove the room's picture.
invite-blocked = Declined; { $user } is now ignored: nothing more from them reaches you.
room-setting-guests-on = This lets guests join: accounts without a password, where the server has them. Everyone who joins receives the keys to what is sent from then on.
room-setting-picture = Picture
room-settings-picture-change = Change the picture…
room-settings-picture-remove = Remove
room-settings-picture-pick = The room's picture
members-admit = Let in
members-refuse = Refuse
members-ask-refuse = Refuse { $user }'s request to join?
directory-knock = Ask to join
directory-knocked = Asked: a moderator of the room will let you in.
directory-space-rooms = Its rooms

## The tray icon and running in the background
tray-news = { $count ->
    [one] One room has something new
   *[other] { $count } rooms have something new
}
tray-nothing-new = Nothing new
tray-quiet = Notifications are silenced
tray-open = Open Estafette
tray-quiet-hour = Do not disturb for an hour
tray-quiet-end = End do not disturb
tray-quit = Quit
background-no-tray-title = Closing the window quits Estafette
background-no-tray = This desktop has no tray to keep Estafette running in the background, so closing the window quits it: no notification reaches you until you start it again. This is said only once.
background-keep-open = Keep the window open
background-quit = Quit
autostart-written = Estafette will start behind its tray icon when you log in ({ $path }).
autostart-removed = Estafette will not start when you log in ({ $path } removed).
settings-start-at-login = Start Estafette when I log in
settings-start-at-login-note = It starts behind its tray icon, without a window, so that messages notify from the start of the day.
serve-app-stopped = The Estafette app stopped before the command was done.
serve-not-here = Estafette is open with the profile "{ $profile }", and this command needs the profile to itself (it reads a secret, or signs in or out). Quit the app first (Ctrl+Q, or Quit in its tray menu).

## Search
search-indexing = Indexing history: { $done } of { $rooms } rooms. Messages not indexed yet are read first…
search-server-only = Your organisation does not allow a search index on this computer (local_search = "off"): only the rooms that are not encrypted are searched, by the server.
search-nothing = No message has every word of “{ $query }”.
search-title-room = Search in { $room }
search-title-all = Search all rooms
search-all-rooms = All rooms
search-placeholder = Words to find (accents and case do not matter)
cli-search = Search the messages of your rooms, encrypted ones included, in this computer's local index (sealed with a key in your keychain). The index is brought up to date first. Every word must be in a message; accents and case do not matter, and French and English word endings are folded. Refused when the policy turns local search off.
cli-search-query = The words to find.
cli-search-room = Only this room (its id, address or name).
cli-search-limit = How many messages to show at most.
