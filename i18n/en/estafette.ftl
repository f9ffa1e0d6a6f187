## Command line
cli-about = Estafette, a Matrix messenger where end-to-end encryption is the rule.
cli-arg-data_dir = Keep the profile's data and cache under this folder instead of the system's.
cli-arg-profile = Which account (profile) to use; each has its own data, cache and keychain entries.
cli-arg-log_level = Show the log on the terminal from this level up (the log file always keeps at least "info").
cli-arg-json = Print JSON for programs instead of text for people.
cli-login = Log in with a password and keep the session in the system keychain.
cli-login-homeserver = The homeserver's address; without it, the server of your Matrix ID is asked.
cli-login-user = Your full Matrix ID (@name:server) or, with --homeserver, your user name.
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
error-no-password-login = The server { $url } does not accept passwords; sign in through your organisation's single sign-on in the desktop app.
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
