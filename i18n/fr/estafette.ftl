## Ligne de commande
cli-about = Estafette, une messagerie Matrix où le chiffrement de bout en bout est la règle.
cli-arg-data_dir = Garder les données et le cache du profil dans ce dossier plutôt que dans celui du système.
cli-arg-profile = Le compte (profil) à utiliser ; chacun a ses propres données, cache et entrées dans le trousseau.
cli-arg-log_level = Afficher le journal dans le terminal à partir de ce niveau (le fichier journal garde toujours au moins « info »).
cli-arg-json = Afficher du JSON pour les programmes plutôt que du texte pour les personnes.
cli-login = Se connecter avec un mot de passe et garder la session dans le trousseau du système.
cli-login-homeserver = L'adresse du serveur d'accueil ; sans elle, on interroge le serveur de votre identifiant Matrix.
cli-login-user = Votre identifiant Matrix complet (@nom:serveur) ou, avec --homeserver, votre nom d'utilisateur.
cli-login-password_stdin = Lire le mot de passe sur l'entrée standard.
cli-whoami = Afficher le compte et la session qu'utilise ce profil.
cli-logout = Fermer la session sur le serveur et retirer ses secrets de cet ordinateur.
cli-logout-wipe = Supprimer aussi tous les fichiers de ce profil : données, cache et journaux.
cli-doctor = Vérifier le trousseau, le stockage chiffré, le serveur d'accueil et la session.

device-name = Estafette sur { $host }

## Connexion et déconnexion
logout-done = Déconnecté : la session est fermée sur le serveur et ses secrets ont quitté cet ordinateur.
logout-local = Le serveur avait déjà fermé cette session ; ses secrets ont quitté cet ordinateur.
logout-wiped = Déconnecté et effacé : la session est fermée et il ne reste rien de ce profil sur cet ordinateur.
logout-wiped-local = Effacé : il ne reste rien de ce profil sur cet ordinateur. Le serveur n'a pas pu être prévenu ; déconnectez cette session depuis une autre si elle apparaît encore.
warning-offline = le serveur est injoignable, voici ce que sait cet ordinateur : { $cause }

## Diagnostic
doctor-status-ok = ok
doctor-status-failed = ÉCHEC
doctor-status-skipped = ignoré
doctor-keychain-ok = le trousseau du système est joignable et peut garder des secrets
doctor-account-ok = connecté en tant que { $user } sur la session { $device }
doctor-homeserver-ok = { $url } répond (Matrix { $version })
doctor-store-ok = le stockage chiffré s'ouvre avec sa clé tirée du trousseau
doctor-session-ok = le serveur accepte cette session
doctor-skipped-account = demande un compte connecté
doctor-skipped-keychain = demande le trousseau
doctor-skipped-store = demande le stockage

## Trousseau
keychain-unreachable = Aucun trousseau système n'est joignable ({ $cause }). Estafette ne garde ses secrets que dans le trousseau et ne les écrit jamais ailleurs. Lancez un fournisseur Secret Service comme GNOME Trousseau ou KeePassXC dans votre session de bureau ; sur une machine sans bureau, lancez Estafette dans « dbus-run-session » après avoir déverrouillé « gnome-keyring-daemon --unlock ».
keychain-locked = Le trousseau du système a refusé l'accès ({ $cause }). Déverrouillez votre trousseau (ouvrez votre session de bureau, ou lancez « gnome-keyring-daemon --unlock ») et autorisez Estafette à l'utiliser, puis réessayez.
keychain-corrupt = L'entrée « { $entry } » du trousseau ne contient pas ce qu'Estafette y a rangé. Lancez « estafette logout --wipe » puis reconnectez-vous.
keychain-failed = Le trousseau du système a échoué : { $cause }
keychain-no-store = aucun trousseau n'est configuré sur ce système

## Erreurs
error-profile-name = « { $name } » n'est pas un nom de profil valable : utilisez de 1 à 64 lettres, chiffres, « - » ou « _ ».
error-no-home = Votre dossier personnel est introuvable : Estafette ne sait pas où ranger ses fichiers. Indiquez-en un avec --data-dir.
error-io = Impossible d'utiliser { $path } : { $cause }
error-account-file = Le fichier de compte { $path } est abîmé ({ $cause }). Lancez « estafette logout --wipe » puis reconnectez-vous.
error-url-malformed = « { $url } » n'est pas une adresse de serveur valable : { $cause }.
error-url-no-host = elle ne nomme aucun serveur
error-url-scheme = « { $url } » utilise « { $scheme } » : un serveur d'accueil se joint en https.
error-url-plain-http = « { $url } » refusée : le http simple n'est pas chiffré, n'importe qui sur le réseau pourrait lire et modifier ce qui est envoyé. Utilisez https (le http simple n'est accepté que vers cet ordinateur lui-même).
error-user-id = « { $input } » n'est pas un identifiant Matrix valable : { $cause }.
error-user-id-form = écrivez un identifiant Matrix complet comme @nom:exemple.fr, ou un simple nom d'utilisateur avec --homeserver
error-need-homeserver = « { $user } » est un nom d'utilisateur sans serveur : écrivez votre identifiant Matrix complet (@{ $user }:exemple.fr) ou indiquez --homeserver.
error-discovery = Le serveur Matrix de « { $server } » est introuvable ({ $cause }). Vérifiez l'adresse, ou indiquez le serveur d'accueil avec --homeserver.
error-unreachable = Le serveur { $url } est injoignable : { $cause }. Vérifiez votre connexion et l'adresse.
error-no-password-login = Le serveur { $url } n'accepte pas les mots de passe ; connectez-vous par l'authentification unique de votre organisation dans l'application de bureau.
error-wrong-password = Nom d'utilisateur ou mot de passe incorrect.
error-not-logged-in = Aucun compte n'est connecté sur le profil « { $profile } ». Lancez « estafette login ».
error-soft-logged-out = Votre session de { $user } a expiré. Lancez « estafette login » avec votre mot de passe pour reprendre cette même session : vos clés sont conservées.
error-logged-out-by-server = Le serveur a fermé la session de { $user } (elle a été déconnectée, peut-être depuis un autre appareil). Ses secrets ont quitté cet ordinateur ; lancez « estafette login » pour ouvrir une nouvelle session.
error-already-logged-in = Ce profil est déjà connecté en tant que { $user }. Déconnectez-vous d'abord, ou utilisez un autre profil avec --profile (celui-ci est « { $profile } »).
error-other-account = Ce profil appartient à { $existing }. Connectez-vous avec ce compte, lancez « estafette logout --wipe », ou utilisez un autre profil (celui-ci est « { $profile } »).
error-store-key-missing = Le trousseau ne contient plus la clé du stockage chiffré de { $user } : ses données locales sont illisibles. Lancez « estafette logout --wipe » puis reconnectez-vous.
error-session-missing = Le trousseau ne contient plus la session de { $user }. Lancez « estafette logout » puis reconnectez-vous.
error-store-locked = Le stockage chiffré ne s'ouvre pas avec la clé du trousseau ({ $cause }). Lancez « estafette logout --wipe » puis reconnectez-vous.
error-server = Le serveur a refusé : { $cause }
error-password-stdin = Donnez le mot de passe sur l'entrée standard avec --password-stdin (par exemple : estafette login --user @vous:exemple.fr --password-stdin < fichier).
error-password-empty = Le mot de passe lu sur l'entrée standard est vide.
