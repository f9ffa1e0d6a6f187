## Ligne de commande
cli-about = Estafette, une messagerie Matrix où le chiffrement de bout en bout est la règle.
cli-arg-data_dir = Garder les données et le cache du profil dans ce dossier plutôt que dans celui du système.
cli-arg-profile = Le compte (profil) à utiliser ; chacun a ses propres données, cache et entrées dans le trousseau.
cli-arg-log_level = Afficher le journal dans le terminal à partir de ce niveau (le fichier journal garde toujours au moins « info »).
cli-arg-background = Démarrer sans fenêtre, derrière l'icône de la zone de notification (comme à l'ouverture de session) ; sans zone de notification, la fenêtre s'ouvre.
cli-arg-json = Afficher du JSON pour les programmes plutôt que du texte pour les personnes.
cli-login = Se connecter avec un mot de passe, ou avec le compte de votre organisation (--sso), et garder la session dans le trousseau du système.
cli-login-homeserver = L'adresse du serveur d'accueil ; sans elle, on interroge le serveur de votre identifiant Matrix.
cli-login-user = Votre identifiant Matrix complet (@nom:serveur) ou, avec --homeserver, votre nom d'utilisateur (facultatif avec --sso).
cli-login-password_stdin = Lire le mot de passe sur l'entrée standard.
cli-whoami = Afficher le compte et la session qu'utilise ce profil.
cli-logout = Fermer la session sur le serveur et retirer ses secrets de cet ordinateur.
cli-logout-wipe = Supprimer aussi tous les fichiers de ce profil : données, cache et journaux.
cli-unlock = Déverrouiller ce profil quand sa fenêtre a été verrouillée par le verrouillage d'inactivité de votre organisation : le serveur vérifie le mot de passe du compte.
cli-unlock-password_stdin = Lire le mot de passe sur l'entrée standard.
cli-password = Changer le mot de passe de votre compte : donnez l'actuel, puis le nouveau deux fois, un par ligne sur l'entrée standard. Toutes les autres sessions du compte sont déconnectées, sauf avec --keep-other-sessions.
cli-password-keep_other_sessions = Laisser les autres sessions du compte connectées (par défaut elles sont toutes déconnectées, comme après une fuite).
cli-doctor = Vérifier cet ordinateur, le trousseau, le stockage chiffré, le serveur d'accueil, la session, la synchronisation et le chiffrement, et afficher la politique en vigueur ; le code de sortie est non nul en cas de problème.

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
doctor-account-ok = connecté en tant que { $user } sur la session { $device }
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
error-no-password-login = Le serveur { $url } n'accepte ni les mots de passe, ni aucun autre moyen de connexion que connaît Estafette.
error-search-index = L'index de recherche local est inutilisable ({ $cause }). Les messages sont en sécurité sur le serveur ; la recherche revient une fois l'index reconstruit.
error-search-unavailable = La recherche locale n'est pas disponible pour cette session : son index n'a pas pu être ouvert (le journal dit pourquoi).
error-message-not-found = Le serveur ne donne pas le message { $event } ni ce qui l'entoure : il a peut-être été supprimé, ou se trouve dans une partie de l'historique que ce compte ne peut pas lire.
error-wrong-password = Nom d'utilisateur ou mot de passe incorrect.
error-wrong-current-password = Le mot de passe actuel est faux : rien n'a été changé.
error-password-refused = Le serveur refuse ce nouveau mot de passe : { $reason } Rien n'a été changé.
error-password-mismatch = Les deux nouveaux mots de passe diffèrent : rien n'a été changé.
error-password-unchanged = Le nouveau mot de passe est l'actuel : choisissez-en un autre.
error-no-server-check = Le serveur ne peut pas confirmer votre identité pour l'instant (il ne demande rien), Estafette reste donc verrouillé. Réessayez dans quelques minutes, ou adressez-vous à votre service informatique.
error-no-password-check = Ce compte n'a pas de mot de passe sur le serveur : il se connecte par votre organisation. Utilisez plutôt « Se connecter avec votre organisation ».
error-no-sso-check = Le serveur ne propose pas de confirmer votre identité par la connexion de votre organisation pour ce compte.
error-sso-check-not-done = Le serveur n'a pas encore vu la connexion aboutir. Terminez-la dans le navigateur, puis appuyez de nouveau sur « Je me suis connecté ».
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
error-secret-too-long = Ce qui a été lu sur l'entrée standard est trop long pour un mot de passe ou une clé (64 Kio au plus).
error-secret-not-text = Ce qui a été lu sur l'entrée standard n'est pas du texte (UTF-8).

## Politique
policy-unreadable = Le fichier de politique { $path } est illisible : { $cause }. Estafette ne démarre pas sans la politique qui lui a été donnée.
policy-untrusted = La politique de l'organisation { $path } n'est pas protégée, Estafette ne s'y fie donc pas : { $cause } Seul l'administrateur du système doit pouvoir la modifier : demandez à votre service informatique de l'installer avec root pour propriétaire, en mode 0644.
policy-untrusted-owner = { $path } appartient à l'utilisateur { $uid }, pas à root.
policy-untrusted-writable = { $path } peut être modifié par d'autres utilisateurs (mode { $mode }).
policy-untrusted-not-a-file = { $path } n'est pas un fichier.
policy-invalid = { $path }, ligne { $line }, clé « { $key } » : { $cause }. Estafette ne démarre pas avec une politique défectueuse ; corrigez le fichier ou adressez-vous à votre service informatique.
policy-empty-list = la liste est vide, aucun serveur d'accueil ne pourrait être utilisé ; écrivez « any » ou nommez au moins un serveur
policy-bad-server = « { $server } » n'est pas un nom de serveur
refusal-homeserver = Le serveur d'accueil { $host } n'est pas autorisé par la politique de votre organisation.
refusal-unencrypted-room-creation = Impossible de créer un salon sans chiffrement : la politique exige que chaque salon soit chiffré de bout en bout.
refusal-consent = Non envoyé : « { $room } » n'est pas chiffré, le serveur et toute personne qui le rejoint peuvent lire ce que vous écrivez. Pour envoyer quand même, confirmez pour ce salon (ligne de commande : --allow-unencrypted).
refusal-consent-public = Non envoyé : « { $room } » est un salon public sans chiffrement : n'importe qui peut le rejoindre et lire ce que vous écrivez, le serveur aussi. Pour envoyer quand même, confirmez pour ce salon (ligne de commande : --allow-unencrypted).
refusal-forbidden = Non envoyé : « { $room } » n'est pas chiffré et la politique de votre organisation interdit d'envoyer des messages en clair.
refusal-forbidden-public = Non envoyé : « { $room } » est un salon public sans chiffrement et la politique de votre organisation interdit d'envoyer des messages en clair.
error-network = Le serveur d'accueil est injoignable : { $cause }. Vérifiez votre connexion.
error-unknown-room = Aucun salon « { $room } » parmi les vôtres : donnez son identifiant (!…), son alias (#…) ou son nom exact.
error-ambiguous-room = { $count } de vos salons s'appellent « { $room } » ({ $ids }) : donnez l'identifiant (!…) ou l'alias (#…) du salon, pour que le message n'aille pas au mauvais.
error-encryption-unknown = Impossible de confirmer si « { $room } » est chiffré, rien n'a été envoyé. Réessayez quand le serveur sera joignable.
error-send-failed = Le message n'a pas pu être envoyé : { $cause }
error-timeout = pas de réponse à temps

## Confiance dans un message
trust-verified = Chiffré, depuis une session vérifiée d'une personne vérifiée.
trust-unverified-identity = Chiffré, mais vous n'avez pas vérifié cette personne : vérifiez-la pour être sûr de l'expéditeur.
trust-unsigned-device = Chiffré par une session que son propriétaire n'a pas vérifiée : ce pourrait être quelqu'un d'autre entré dans le compte.
trust-unknown-device = Chiffré par une session inconnue ou supprimée : son authenticité n'est pas garantie.
trust-forged-sender = Danger : l'expéditeur de ce message n'a pas pu être authentifié. La clé qui l'a chiffré appartient à quelqu'un d'autre que l'expéditeur affiché : il peut être falsifié, par le serveur ou par qui le contrôle. N'agissez pas sur ce message sans vérifier auprès de la personne par un autre moyen.
trust-identity-changed = L'identité de cette personne a changé depuis que vous l'avez vérifiée : vérifiez avec elle avant de vous y fier.
trust-encrypted = Chiffré.
trust-sent-in-clear = Non chiffré : le serveur et toute personne du salon pouvaient le lire.
utd-missing-key = Pas encore déchiffrable : la clé n'est pas arrivée. Elle peut arriver quand la session de l'expéditeur se connectera.
utd-sent-before-you-joined = Indéchiffrable : envoyé avant votre arrivée, sa clé ne vous a pas été partagée.
utd-withheld = Indéchiffrable : la session de l'expéditeur a refusé de partager la clé avec cette session.
utd-unverified-sender = Indéchiffrable : il vient d'une session non vérifiée et vous n'acceptez que les expéditeurs vérifiés.
utd-history-without-backup = Indéchiffrable : il est antérieur à cette session et la sauvegarde des clés n'est pas activée.
utd-history-on-unverified-device = Indéchiffrable : il est antérieur à cette session ; vérifiez cette session pour obtenir sa clé depuis la sauvegarde.
utd-identity-changed = Indéchiffrable : l'identité de l'expéditeur a changé et ses messages sont refusés tant que vous ne l'avez pas vérifiée.

## Salons et messages
room-encrypted = chiffré
room-unencrypted = NON CHIFFRÉ
room-public = public
room-dm = direct
room-invited = invitation
rooms-incomplete = La liste des salons du serveur n'est pas encore arrivée en entier : { $loaded } salons sur { $total } sont listés. Relancez la commande dans un instant pour les autres.
invite-from = de { $user }
send-queued = Le serveur n'a pas répondu à temps : le message attend dans la file de cet ordinateur et partira, une seule fois, dès que le serveur sera joignable (par cette exécution d'Estafette ou la suivante).
cli-exit-codes = Codes de sortie : 0 fait ; 1 échec (une ligne sur stderr dit pourquoi) ; 2 mauvais usage ; 3 message en file, pas encore remis (la prochaine exécution l'envoie).
cli-rooms = Lister les salons, avec leur chiffrement.
cli-create-room = Créer un salon (chiffré de bout en bout).
cli-create-room-name = Le nom du salon.
cli-create-room-topic = Le sujet du salon.
cli-create-room-invites = Inviter cette personne (à répéter pour plusieurs).
cli-create-room-unencrypted = Le créer sans chiffrement (seulement si la politique le permet).
cli-dm = Ouvrir la conversation directe avec quelqu'un (chiffrée), en la créant si besoin.
cli-dm-user = Son identifiant Matrix (@nom:serveur).
cli-join = Rejoindre un salon par identifiant ou alias, ou accepter une invitation.
cli-join-room = L'identifiant (!…), l'alias (#…) du salon, ou une invitation en attente.
cli-leave = Quitter un salon, ou refuser une invitation.
cli-leave-room = L'identifiant, l'alias ou le nom du salon.
cli-invites = Lister les invitations en attente.
cli-send = Envoyer un message (le markdown est mis en forme).
cli-send-room = L'identifiant, l'alias ou le nom du salon.
cli-send-text = Le message.
cli-send-allow_unencrypted = Consentir à envoyer dans ce salon bien qu'il ne soit pas chiffré.
cli-send-reply_to = Répondre à ce message (son identifiant d’événement), en le citant.
cli-send-edit = Remplacer le texte de ce message à vous (son identifiant d’événement).
cli-send-thread = Répondre dans le fil que ce message ouvre (son identifiant d’événement).
cli-send-mention = Mentionner cette personne (un identifiant Matrix) pour qu’elle soit notifiée, ou tout le monde avec @room (avec le pouvoir de le faire) ; peut être répété. Placée là où le texte la nomme, sinon en tête.
cli-react = Ajouter votre réaction à un message, ou la retirer si elle y est déjà.
cli-react-room = L’identifiant, l’alias ou le nom du salon.
cli-react-event = L’identifiant d’événement du message.
cli-react-key = La réaction, en général un emoji.
cli-react-allow_unencrypted = Consentir à réagir dans ce salon bien qu’il ne soit pas chiffré.
cli-tail = Afficher les derniers messages d'un salon, déchiffrés, du plus ancien au plus récent.
cli-tail-room = L'identifiant, l'alias ou le nom du salon.
cli-tail-limit = Combien de messages afficher.
cli-tail-follow = Continuer d'afficher les nouveaux messages jusqu'à --timeout.
cli-redact = Supprimer un message : le vôtre, ou celui d’un autre membre si votre niveau de pouvoir le permet. Tout le salon voit alors « Message supprimé ». Le serveur retire aussitôt le contenu du message de ce qu’il sert, mais peut garder l’original chiffré dans sa base un certain temps (Synapse : 7 jours par défaut).
cli-redact-room = L’identifiant, l’alias ou le nom du salon.
cli-redact-event = L’identifiant d’événement du message.
cli-redact-reason = Pourquoi, affiché dans le salon à côté de « Message supprimé ».
cli-tail-events = Montrer aussi ce qui s’est passé dans le salon : arrivées et départs, changements de nom, de sujet, de pouvoirs, de chiffrement et d’historique.
cli-tail-thread = Montrer le fil que ce message ouvre (son identifiant d’événement) au lieu du salon.
cli-tail-around = Montrer les messages autour de celui-ci (son identifiant d’événement, tel que search --json le donne), comme la fenêtre montre un résultat de recherche.
redact-not-allowed = Votre niveau de pouvoir dans ce salon ne permet pas de supprimer les messages des autres membres.
cli-tail-timeout = Combien de temps suivre, en secondes.
warning-first-sync = connecté, mais la première synchronisation n'a pas abouti ({ $cause }) ; elle se terminera à la prochaine exécution

## Application de bureau
status-loading = Ouverture de votre compte…
status-starting = Connexion au serveur…
status-offline = Hors ligne : le serveur est injoignable. Les messages que vous envoyez attendent et partiront à son retour.
status-error = Problème de connexion ({ $reason }) ; nouvelle tentative.
home-pick-a-room = Choisissez une conversation à gauche.
login-title = Se connecter à Estafette
login-intro = Vos messages sont chiffrés de bout en bout. Votre mot de passe n'est envoyé qu'à votre serveur, et votre session est gardée dans le trousseau de cet ordinateur.
login-user-placeholder = Identifiant Matrix, par ex. @marie.dupont:matrix.exemple.fr
login-homeserver-placeholder = Serveur d'accueil (facultatif, par ex. https://matrix.exemple.fr)
login-password-placeholder = Mot de passe
login-submit = Se connecter
login-busy = Connexion…
list-filter = Filtrer par nom
list-invites = Invitations
list-direct = Messages directs
list-loading = Chargement de vos conversations… { $count ->
    [0] aucune pour l’instant
    [one] une pour l’instant
   *[other] { $count } pour l’instant
}
list-rooms = Salons
invite-accept = Accepter
invite-decline = Refuser
badge-encrypted = Chiffré de bout en bout
badge-public = Chiffré, mais public : tout le monde peut rejoindre et lire à partir de là
badge-unencrypted = ⚠ NON CHIFFRÉ
badge-public-unencrypted = ⚠ PUBLIC · NON CHIFFRÉ
room-header-encrypted = Chiffré de bout en bout
room-header-unencrypted = ⚠ Non chiffré
room-members = { $count ->
    [one] { $count } membre
   *[other] { $count } membres
}
banner-unencrypted = ⚠ Ce salon n'est PAS chiffré de bout en bout. Le serveur, et toute personne pouvant rejoindre ce salon, peuvent lire ce qui s'y écrit.
banner-public-unencrypted = ⚠ SALON PUBLIC, NON CHIFFRÉ. N'importe qui peut rejoindre ce salon et lire tout ce qui s'y écrit, le serveur aussi. N'y partagez rien de confidentiel.
banner-public-encrypted = Ce salon est public : il est chiffré, mais n'importe qui peut le rejoindre et lire ce qui s'écrit à partir de là.
room-load-older = Charger les messages plus anciens
composer-placeholder = Écrire un message chiffré… (Entrée envoie, Maj+Entrée pour aller à la ligne)
composer-placeholder-unencrypted = ⚠ Message en clair, lisible par le serveur… (Entrée envoie)
composer-disabled = L'envoi est désactivé dans ce salon
composer-forbidden = La politique de votre organisation interdit d'envoyer des messages dans les salons non chiffrés.
composer-send = Envoyer
consent-private = « { $room } » n'est pas chiffré : le serveur et toute personne qui le rejoint peuvent lire votre message. L'envoyer en clair quand même ? La question ne sera plus posée dans ce salon jusqu'au redémarrage d'Estafette.
consent-public = « { $room } » est un salon PUBLIC sans chiffrement : n'importe qui peut le rejoindre et lire votre message, le serveur aussi. L'envoyer en clair quand même ? La question ne sera plus posée dans ce salon jusqu'au redémarrage d'Estafette.
consent-send = Envoyer en clair
drop-question = Envoyer le fichier « { $file } » dans { $room } ? Il a été déposé sur la fenêtre.
drop-send = Envoyer le fichier
consent-cancel = Annuler
send-state-sending = envoi…
send-state-failed = non envoyé : { $reason }
day-today = Aujourd'hui
day-yesterday = Hier
day-date = { $day } { $month } { $year }
day-unknown = Date inconnue
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
dialog-new-room = Nouveau salon
dialog-new-chat = Nouvelle conversation directe
dialog-room-name = Nom
dialog-room-topic = Sujet (facultatif)
dialog-room-invite = Inviter (identifiants Matrix, séparés par des virgules)
dialog-room-name-in-clear = Le serveur voit le nom et le sujet : seuls les messages sont chiffrés.
dialog-chat-user = Nom ou identifiant Matrix (par ex. Marie Dupont, ou @marie.dupont:serveur)
dialog-always-encrypted = Chiffré de bout en bout : seules les personnes de la conversation peuvent la lire.
dialog-create = Créer
home-new-room = + Salon
home-new-chat = + Discussion
home-settings = Paramètres
settings-title = Paramètres
settings-account = Connecté en tant que { $user }, session { $device }
settings-logout = Se déconnecter
settings-logout-wipe = Se déconnecter et effacer cet appareil
settings-logout-wipe-note = Supprime aussi tous les fichiers qu'Estafette garde pour ce compte sur cet ordinateur, et ses entrées dans le trousseau.
settings-close = Fermer
send-retry = Réessayer
error-retry-gone = ce message n'est plus en attente d'envoi
notify-message = Nouveau message dans { $room }
notify-mention = Vous avez été mentionné dans { $room }
notify-body = Ouvrez Estafette pour le lire.
notify-open = Ouvrir
error-profile-in-use = Estafette est déjà en cours d'exécution avec le profil « { $profile } » (une autre fenêtre ou commande). Fermez-la d'abord, ou utilisez un autre profil avec --profile.

## Timeline: replies, edits, reactions, receipts, typing
timeline-read-by = Vu par { $names }
timeline-edited = (modifié)
timeline-name-shared = ⚠ même nom qu'un autre membre
timeline-name-shared-why = Un autre membre de ce salon apparaît sous un nom qui semble identique. Distinguez-les par leur identifiant Matrix, à côté du nom : lui seul ne peut pas être copié.
timeline-forged-show = Afficher quand même le message
timeline-cut = (coupé ici : { $count } caractères de plus non affichés)
tail-forged = expéditeur non authentifié
timeline-reply-loading = ↪ un message pas encore chargé
timeline-react = Réagir
timeline-reply = Répondre
timeline-edit = Modifier
react-needs-consent = Ce salon n’est pas chiffré : envoyez-y d’abord un message (et confirmez), vous pourrez ensuite réagir.
composer-typing = { $count ->
    [one] { $names } écrit…
   *[other] { $names } écrivent…
}
composer-replying = Réponse à { $sender } : { $excerpt }
composer-editing = Modification de votre message : Entrée enregistre le nouveau texte.
composer-cancel = Annuler
error-reply-target-missing = Ce message n’est pas dans l’historique récent de ce salon (ou il a été supprimé).
react-not-encrypted = Les réactions ne sont pas chiffrées de bout en bout : le serveur voit qui a réagi à quel message, et avec quel émoji (pas ce que disent les messages).
settings-section-account = Compte
settings-avatar = Photo de profil
settings-avatar-choose = Choisir une image…
settings-avatar-remove = Retirer
settings-avatar-busy = Publication de votre photo…
settings-avatar-dialog = Choisissez votre photo de profil
settings-profile-public = Votre nom et votre photo sont publics : tout le serveur, et les serveurs des personnes avec qui vous échangez, peuvent les voir. Ils ne sont pas chiffrés. Seuls les pixels de l'image sont envoyés, pas les détails du fichier (lieu, appareil).
settings-name = Nom affiché (ce que les autres voient à côté de vos messages)
settings-name-placeholder = Votre nom
settings-name-save = Enregistrer
settings-name-saved = Enregistré. Les autres voient désormais ce nom.
settings-section-appearance = Langue et apparence
settings-language = Langue
settings-language-system = Celle du système
settings-theme = Thème
settings-theme-system = Celui du système
settings-theme-light = Clair
settings-theme-dark = Sombre
settings-section-notifications = Notifications sur le bureau
settings-notifications-toggle = Notifications de bureau, selon le mode de chaque salon (son menu sous le nom du salon)
settings-notifications-note = Une notification ne montre jamais le message lui-même, seulement la conversation où il se trouve.
settings-section-privacy = Ce que voit le serveur
settings-privacy-reactions = Les réactions ne sont pas chiffrées : le serveur voit qui a réagi à quel message, et avec quel émoji (il ne voit pas le message).
settings-privacy-receipts = Les accusés de lecture sont privés : Estafette indique seulement au serveur jusqu'où vous avez lu, jamais aux autres membres.
settings-privacy-typing = Les notifications de saisie ne sont pas chiffrées : le serveur et les membres du salon voient quand vous écrivez (pas quoi). Estafette n'en envoie aucune dans un salon sans chiffrement.
settings-privacy-reactions-off = Votre organisation a désactivé les réactions.
settings-section-session = Cet ordinateur
room-loading-older = Chargement des messages plus anciens…
room-jump-newest = ↓ Messages les plus récents
around-title = Un message parmi les messages qui l'entourent. Les nouveaux messages sont dans la conversation en direct.
around-latest = Revenir aux derniers messages
around-loading = Lecture des messages autour de celui-ci…
around-earlier = ↑ Messages précédents
around-later = ↓ Messages suivants
around-stepping = Lecture…
settings-section-accounts = Autres comptes sur cet ordinateur
settings-account-signed-out = { $profile } (non connecté)
settings-account-open = Ouvrir
settings-account-add = Ajouter un autre compte

## Authentification unique
cli-login-sso = Se connecter avec le compte de votre organisation dans votre navigateur (authentification unique), au lieu d'un mot de passe.
sso-opening = Ouverture de votre navigateur pour vous connecter… (ou ouvrez cette adresse : { $url })
sso-browser-done = Connexion réussie. Vous pouvez fermer cette page et revenir à Estafette.
warning-browser = le navigateur n'a pas pu être ouvert ({ $cause }) ; ouvrez vous-même l'adresse ci-dessus
error-no-password-login-sso = Le serveur { $url } n'accepte pas les mots de passe : connectez-vous plutôt avec le compte de votre organisation (le bouton de l'écran de connexion, ou « estafette login --sso »).
error-no-sso = Le serveur { $url } ne propose pas la connexion avec le compte d'une organisation (authentification unique) : connectez-vous avec votre mot de passe.
error-need-server = Indiquez à quel serveur vous connecter : son adresse avec --homeserver, ou votre identifiant Matrix.
error-browser = Votre navigateur n'a pas pu être ouvert : { $cause }
error-sso-timeout = La connexion n'a pas été terminée dans le navigateur en { $minutes } minutes. Veuillez réessayer.
error-sso-cancelled = La connexion a été annulée.
error-sso-failed = La connexion avec le compte de votre organisation n'a pas abouti : { $cause }
error-sso-other-account = Vous avez demandé à vous connecter en tant que { $named }, mais le navigateur est revenu connecté en tant que { $signed_in }. Rien n'a été gardé de cette session. Déconnectez l'autre compte dans votre navigateur, puis réessayez.
login-or = ou
login-sso = Se connecter avec { $provider }
login-sso-organisation = Se connecter avec le compte de votre organisation
login-sso-waiting = Continuez dans votre navigateur…
login-sso-waiting-hint = Connectez-vous sur la page qui s'est ouverte dans votre navigateur, puis revenez ici.
login-sso-cancel = Annuler
login-sso-cancelling = Annulation…

## Clé de récupération et sauvegarde des clés
error-recovery-wrong-key = Cette clé de récupération n'est pas la bonne. Vérifiez qu'elle ne contient pas de faute de frappe (majuscules et minuscules comptent) et, si la clé a été changée, utilisez la plus récente.
error-recovery-not-set-up = La récupération n'est pas configurée pour ce compte : il n'existe donc pas de clé de récupération. Configurez-la depuis une session qui fonctionne : estafette recovery enable.
error-recovery-already-enabled = La récupération est déjà configurée pour ce compte. Pour obtenir une nouvelle clé à la place de la vôtre : estafette recovery reset.
error-recovery-recover-first = Cette session ne détient pas encore les secrets de votre compte : récupérez-les d'abord avec votre clé de récupération (estafette recovery recover), ou vérifiez cette session depuis une autre.
error-recovery-failed = La récupération n'a pas abouti : { $cause }
error-reset-identity-auth = Pour réinitialiser votre identité, le serveur demande une confirmation qu'Estafette ne peut pas donner ici ({ $kind }). Réinitialisez-la depuis le client web de votre organisation.
error-reset-identity-password = Donnez le mot de passe de votre compte sur l'entrée standard avec --password-stdin : le serveur le demande avant de remplacer votre identité.
error-recovery-key-empty = Aucune clé de récupération n'a été lue sur l'entrée standard.
recovery-state-enabled = Récupération : configurée. Votre clé de récupération peut restaurer vos secrets et votre historique sur une nouvelle session.
recovery-state-disabled = Récupération : non configurée. Si vous perdez cette session, votre historique chiffré est perdu : lancez « estafette recovery enable ».
recovery-state-incomplete = Récupération : configurée sur votre compte, mais il manque des secrets à cette session. Récupérez-les avec votre clé de récupération.
recovery-state-unknown = Récupération : état encore inconnu (le serveur n'a pas pu être interrogé).
recovery-backup-saved = Sauvegarde des clés : active, toutes les clés de messages de cette session sont sauvegardées.
recovery-backup-pending = Sauvegarde des clés : active, certaines clés de messages sont encore en cours de sauvegarde.
recovery-backup-elsewhere = Sauvegarde des clés : elle existe sur votre compte, mais cette session ne peut pas encore l'utiliser.
recovery-backup-off = Sauvegarde des clés : désactivée.
recovery-cross-signing-complete = Clés d'identité : toutes présentes sur cette session.
recovery-cross-signing-missing = Clés d'identité : absentes de cette session.
recovery-session-verified = Cette session : vérifiée.
recovery-session-unverified = Cette session : non vérifiée.
recovery-key-shown-once = Voici votre clé de récupération. Conservez-la en lieu sûr, par exemple dans un gestionnaire de mots de passe ou sur papier rangé sous clé : elle n'est affichée qu'une seule fois et, sans elle, une nouvelle session ne pourra pas lire votre historique chiffré.
recovery-key-replaced = Voici votre nouvelle clé de récupération ; l'ancienne ne fonctionne plus. Conservez-la en lieu sûr : elle n'est affichée qu'une seule fois.
recovery-identity-reset = Votre identité a été réinitialisée. Voici votre nouvelle clé de récupération ; conservez-la en lieu sûr : elle n'est affichée qu'une seule fois. Demandez à vos contacts de vous vérifier à nouveau.
recovery-prompt = Saisissez ou collez votre clé de récupération, puis appuyez sur Entrée :
recovery-recovered = Récupération terminée : cette session est vérifiée et peut lire votre historique chiffré.
recovery-reset-identity-warning = La réinitialisation de votre identité est irréversible. Les messages chiffrés jusqu'ici ne pourront plus être lus sur une nouvelle session ; vos autres sessions et les personnes qui vous ont vérifié vous verront comme non vérifié et devront vous vérifier à nouveau ; votre clé de récupération actuelle cessera de fonctionner. Ne le faites que si vous avez perdu votre clé de récupération et toutes vos autres sessions. Pour continuer, relancez la commande avec --yes-i-understand.
cli-recovery = Configurer, vérifier ou utiliser la clé de récupération qui protège votre historique chiffré et votre identité.
cli-recovery-status = Indiquer si la récupération et la sauvegarde des clés sont configurées, et si cette session est vérifiée.
cli-recovery-enable = Configurer la récupération et afficher la clé de récupération, une seule fois.
cli-recovery-recover = Restaurer votre identité et votre historique sur cette session avec votre clé de récupération, lue sur l'entrée standard.
cli-recovery-reset = Remplacer la clé de récupération par une nouvelle, affichée une seule fois ; l'ancienne cesse de fonctionner.
cli-recovery-reset-identity = Repartir d'une nouvelle identité de chiffrement, quand votre clé de récupération et toutes vos autres sessions sont perdues.
cli-recovery-reset-identity-password_stdin = Lire le mot de passe de votre compte sur l'entrée standard (le serveur le demande).
cli-recovery-reset-identity-yes_i_understand = Confirmer que vous comprenez ce qui sera perdu : sans cette option, rien n'est fait.
settings-section-security = Sécurité
settings-security-checking = Vérification de la récupération et de cette session…
settings-recovery-enabled = La récupération est en place : votre clé de récupération peut rétablir vos secrets et votre historique chiffré sur une nouvelle session.
settings-recovery-disabled = La récupération n'est pas en place. Si vous perdez cet ordinateur sans avoir d'autre session, votre historique chiffré est perdu pour de bon.
settings-recovery-incomplete = Votre compte a une clé de récupération, mais cette session n'a pas encore vos secrets : saisissez la clé pour lire votre historique ici et être reconnu par vos contacts.
settings-recovery-unknown = La récupération n'a pas pu être vérifiée (le serveur n'a pas répondu).
settings-recovery-set-up = Mettre en place la récupération
settings-recovery-change = Changer la clé de récupération
settings-recovery-enter = Saisir la clé de récupération
settings-session-verified = Cette session est vérifiée.
settings-session-unverified = Cette session n'est pas encore vérifiée.
recovery-ui-title = Clé de récupération
recovery-ui-generating = Création de votre clé de récupération et sauvegarde de vos clés de messages…
recovery-ui-key = Voici votre clé de récupération. Rangez-la en lieu sûr, par exemple dans un gestionnaire de mots de passe, ou sur papier sous clé. Elle n'est affichée qu'une seule fois : sans elle, une nouvelle session ne peut pas lire votre historique chiffré.
recovery-ui-new-key = Voici votre nouvelle clé de récupération ; l'ancienne ne fonctionne plus. Rangez-la en lieu sûr : elle n'est affichée qu'une seule fois.
recovery-ui-copy = Copier
recovery-ui-stored-it = Je l'ai rangée
recovery-ui-type-group = Pour vérifier que vous l'avez, tapez le groupe numéro { $number } de votre clé (les groupes sont séparés par des espaces).
recovery-ui-group-wrong = Ce n'est pas ce groupe de la clé affichée. Vérifiez les majuscules et les minuscules, qui comptent.
recovery-ui-check = Vérifier
recovery-ui-stored = C'est fait. Gardez votre clé de récupération en lieu sûr : qui la détient peut lire votre historique chiffré.
recovery-ui-enter = Tapez ou collez votre clé de récupération. Elle rétablit vos secrets et votre historique chiffré sur cette session.
recovery-ui-key-placeholder = Clé de récupération
recovery-ui-recover = Récupérer
recovery-ui-recovering = Vérification de la clé et rétablissement de vos secrets…
recovery-ui-recovered = Cette session est maintenant vérifiée et peut lire votre historique chiffré.
banner-recover = Cette session n'est pas encore vérifiée : saisissez votre clé de récupération pour lire ici votre historique chiffré et être reconnu par vos contacts.
banner-set-up-recovery = La récupération n'est pas en place : si vous perdez cet ordinateur, votre historique chiffré est perdu. Cela prend une minute.
recovery-ui-show-again = Revoir la clé
login-other-accounts = Autres comptes sur cet ordinateur
login-ended-by-server = Le serveur a déconnecté { $user } : le mot de passe a été changé, ou toutes les sessions ont été déconnectées, peut-être après une fuite. Rien de cette session ne reste sur cet ordinateur. Reconnectez-vous, avec le nouveau mot de passe s'il a changé.
cli-people = Chercher des personnes dans l'annuaire du serveur, par nom ou identifiant Matrix.
cli-people-term = Un nom, une partie de nom, ou un identifiant Matrix.
people-none = Personne n'a été trouvé pour « { $term } ».

## Changements d'identité et envoi aux seules sessions vérifiées
error-identity-changed = { $count ->
    [one] L'identité de { $users } a changé depuis que vous l'avez vérifiée.
   *[other] L'identité de { $users } a changé depuis que vous les avez vérifiés.
} { $held ->
    [yes] Votre message est retenu.
   *[no] Votre message n'a pas été envoyé.
} Il peut s'agir d'un nouvel appareil ou d'une application réinstallée — ou de quelqu'un d'autre. Vérifiez auprès de la personne par un autre moyen, puis acceptez le changement ou vérifiez-la de nouveau.
error-unverified-sessions = { $count ->
    [one] Cette session n'a pas été vérifiée par son propriétaire, que vous avez vérifié : { $sessions }.
   *[other] Ces sessions n'ont pas été vérifiées par leurs propriétaires, que vous avez vérifiés : { $sessions }.
} Votre message est retenu. Il peut s'agir d'un nouvel appareil — ou de quelqu'un d'autre. Demandez-leur de la vérifier ou de la déconnecter, puis renvoyez le message.
error-session-not-verified = Cette session n'est pas vérifiée : elle ne peut pas envoyer de message ici. Vérifiez-la avec une autre de vos sessions ou avec votre clé de récupération.
error-no-identity = { $user } n'a pas encore d'identité de chiffrement : il n'y a rien à accepter.
identity-no-changes = Personne dans ce salon n'a changé d'identité depuis que vous l'avez vérifié.
identity-accepted = La nouvelle identité de { $user } est acceptée. Cette personne apparaît comme non vérifiée tant que vous ne l'avez pas vérifiée de nouveau. { $count ->
    [0] Aucun message n'était en attente.
    [one] Le message retenu est en cours d'envoi.
   *[other] Les { $count } messages retenus sont en cours d'envoi.
}
send-left-out = { $count ->
    [one] Message non partagé avec cette session, qui n'est pas vérifiée : { $sessions }. Elle ne pourra pas le lire.
   *[other] Message non partagé avec ces sessions, qui ne sont pas vérifiées : { $sessions }. Elles ne pourront pas le lire.
} Si elles sont légitimes, vérifiez-les, puis renvoyez le message.
cli-identity = Voir et accepter les changements d'identité des personnes que vous avez vérifiées, et les sessions que vous n'avez pas vérifiées.
cli-identity-changes = Lister les personnes d'un salon dont l'identité a changé depuis que vous les avez vérifiées.
cli-identity-changes-room = Le salon : son identifiant (!…) ou son adresse (#…).
cli-identity-accept = Accepter la nouvelle identité d'une personne, après avoir vérifié auprès d'elle par un autre moyen ; les messages retenus à cause de ce changement sont envoyés.
cli-identity-accept-user = Son identifiant Matrix (@nom:serveur).
cli-identity-sessions = Lister les sessions d'un salon que vous n'avez pas vérifiées (elles ne reçoivent pas vos messages quand l'envoi aux seules sessions vérifiées est activé).
cli-identity-sessions-room = Le salon : son identifiant (!…) ou son adresse (#…).
cli-identity-sign-unchecked = Pour les tests uniquement : marquer une personne comme vérifiée sans rien comparer.
cli-identity-sign-unchecked-user = Son identifiant Matrix (@nom:serveur).
policy-locked = La politique de votre organisation ({ $path }) fixe { $key } pour tout le monde : ce réglage ne peut pas être modifié dans vos paramètres.
policy-forced-is-for-organisations = seule la politique de votre organisation peut imposer ce réglage ; choisissez « on » ou « off »
policy-set = { $key } vaut maintenant « { $value } » dans vos paramètres. Ce réglage s'applique au prochain démarrage d'Estafette.
policy-from-default = valeur par défaut
policy-from-user = vos paramètres ({ $path })
policy-from-organisation = fixé par votre organisation ({ $path }), non modifiable
policy-from-organisation-default = recommandé par votre organisation ({ $path }), modifiable
cli-policy = Afficher les règles en vigueur et leur origine ; modifier vos propres paramètres.
cli-policy-show = Afficher les règles en vigueur, et si chacune vient de votre organisation, de vos paramètres ou des valeurs par défaut.
cli-policy-set = Modifier l'un de vos paramètres (sauf ceux que votre organisation a verrouillés, et jamais en deçà de son minimum) ; la modification s'applique au prochain démarrage.
cli-policy-set-key = Le paramètre à modifier.
cli-policy-set-value = Sa nouvelle valeur : on ou off (verified_only_sending), true ou false (require_*), show ou hide (notification_content), on ou off (public_room_directory), all, private ou off (media_previews), de error à trace (log_level_max), un nombre de minutes, 0 pour jamais (idle_lock_minutes).
moment-today = aujourd'hui à { $time }
moment-yesterday = hier à { $time }
sessions-seen-at = { $day } à { $time }
sessions-column-id = Identifiant
sessions-column-name = Nom
sessions-column-verified = Vérifiée
sessions-column-seen = Dernière activité
sessions-column-ip = Adresse IP
sessions-verified = vérifiée
sessions-not-verified = non vérifiée
sessions-this-session = (cette session)
sessions-keys-only = (clés seules : absente de la liste du serveur)
sessions-ui-keys-only = La liste des sessions du serveur ne cite pas celle-ci, pourtant ses clés sont connues et elle peut recevoir les clés de vos messages. Un appareil déshydraté (gardé par une autre application pour recevoir les messages en votre absence) ressemble à cela ; si vous n'en connaissez aucun, prévenez votre service informatique.
sessions-renamed = La session { $id } s'appelle désormais « { $name } ».
sessions-signed-out = { $count ->
    [0] Il n'y avait aucune autre session à déconnecter.
    [one] 1 session déconnectée : { $ids }.
   *[other] { $count } sessions déconnectées : { $ids }.
}
sessions-new-login = Nouvelle connexion à votre compte : { $name } ({ $id }), { $time }. Est-ce bien vous ? Sinon, déconnectez-la : estafette devices sign-out { $id }
sessions-time-unknown = heure inconnue
sessions-password-stdin = Saisissez-le sur l'entrée standard avec --password-stdin (par exemple : estafette devices sign-out --others --password-stdin < fichier).
error-sessions-need-password = Pour déconnecter des sessions, il faut votre mot de passe : le serveur le demande pour s'assurer que c'est bien vous. Aucune session n'a été déconnectée.
error-sessions-other-auth = Pour déconnecter des sessions, le serveur demande une confirmation qu'Estafette ne peut pas donner ici ({ $kind }). Déconnectez-les depuis le client web de votre organisation.
error-sessions-this-session = C'est la session que vous utilisez : pour y mettre fin, déconnectez-vous plutôt.
error-sessions-unknown = Votre compte n'a aucune session avec l'identifiant « { $id } ».
error-sessions-name-empty = Le nom d'une session ne peut pas être vide.
cli-devices = Lister les sessions connectées à votre compte : nom, identifiant, vérifiée ou non, quand et d'où elles ont été actives pour la dernière fois.
cli-devices-rename = Donner un nouveau nom à l'une de vos sessions (les personnes avec qui vous échangez peuvent le voir).
cli-devices-rename-id = L'identifiant de la session, tel que « estafette devices » l'affiche.
cli-devices-rename-name = Son nouveau nom.
cli-devices-sign-out = Déconnecter une ou plusieurs de vos autres sessions, ou toutes avec --others.
cli-devices-sign-out-ids = Les identifiants des sessions à déconnecter, tels que « estafette devices » les affiche.
cli-devices-sign-out-others = Déconnecter toutes les sessions sauf celle-ci.
cli-devices-sign-out-password_stdin = Lire le mot de passe de votre compte sur l'entrée standard (le serveur le demande).
cli-devices-watch = Afficher chaque nouvelle connexion à votre compte dès qu'elle a lieu, jusqu'à --timeout.
cli-devices-watch-timeout = Combien de temps surveiller, en secondes.
error-own-unverified = { $count ->
    [one] Une session de votre propre compte n'est pas vérifiée : { $sessions }.
   *[other] Des sessions de votre propre compte ne sont pas vérifiées : { $sessions }.
} Votre message est retenu, pour que personne n'ayant pu accéder à votre compte ne puisse le lire. Si cette session est la vôtre, vérifiez-la avec votre clé de récupération ou depuis cette session-ci ; sinon, déconnectez-la tout de suite et changez votre mot de passe. Renvoyez ensuite le message.

# Vérification par émojis (SAS) et code QR
verify-cancel-mismatch = Les émojis ne correspondaient pas. Quelqu'un tente peut-être d'intercepter vos échanges : ne faites pas confiance à cette session ou à cette personne, et prévenez votre support informatique.
verify-cancel-timeout = La vérification a pris trop de temps et a été arrêtée. Recommencez quand vous serez prêts tous les deux.
verify-cancel-by-them = L'autre partie a annulé la vérification.
verify-cancel-by-us = Vous avez annulé la vérification.
verify-cancel-elsewhere = Une autre session a répondu à cette demande en premier : celle-ci s'arrête.
verify-cancel-unsupported = L'application de l'autre partie ne sait pas vérifier de cette façon. Essayez l'autre méthode (émojis ou code QR).
verify-cancel-failed = La vérification a échoué à cause d'un problème technique entre les deux applications. Recommencez ; si l'échec se répète, prévenez votre support informatique.
verify-sent = Demande de vérification envoyée à { $who }. Acceptez-la de ce côté.
verify-waiting-incoming = En attente d'une demande de vérification…
verify-incoming = { $who } demande une vérification. Acceptation.
verify-compare = Comparez ces émojis avec ceux de l'autre écran, dans le même ordre :
verify-ask-match = Sont-ils identiques ? [o/N]
verify-waiting-other = En attente de l'autre partie…
verify-done = Vérifié : { $who } est désormais de confiance, et apparaît comme vérifié.
verify-stopped = Vérification arrêtée : { $reason }
verify-gave-up = Rien ne s'est passé pendant { $secs } secondes : la vérification a été annulée.
qr-written = Les données du code QR sont dans { $path }. Faites scanner ce code par l'autre appareil :
qr-ask-scanned = L'autre appareil indique-t-il avoir bien scanné le code ? [o/N]
qr-waiting-file = En attente du code QR de l'autre appareil dans { $path } : une image du code (capture d'écran ou photo), ou ses données brutes.
qr-read = Code lu. En attente de la confirmation de l'autre appareil…
error-verification-unknown = Aucune vérification en cours ne porte l'identifiant « { $id } ».
error-verification-failed = La vérification n'a pas pu continuer : { $cause }
error-qr-invalid = Ce n'est pas un code QR de vérification, ou il est abîmé : { $cause }
error-device-unknown = Cette session ne connaît aucune session « { $device } » de { $user }.
cli-verify = Vérifier une autre de vos sessions (sans argument), une personne ou l'une de ses sessions, en comparant des émojis.
cli-verify-user = L'identifiant Matrix de la personne (le vôtre, pour l'une de vos sessions).
cli-verify-device = L'identifiant de la session, pour ne vérifier que celle-ci.
cli-verify-incoming = Attendre une demande de vérification venue d'ailleurs et l'accepter.
cli-verify-timeout = Combien de temps attendre l'autre partie à chaque étape, en secondes.
cli-me = Votre profil public : nom affiché et photo. Tous deux sont publics et jamais chiffrés.
cli-me-show = Afficher votre nom et votre photo de profil, tels que tout le serveur les voit.
cli-me-name = Changer votre nom affiché ; un nom vide le retire.
cli-me-name-name = Le nouveau nom affiché.
cli-me-avatar = Publier une image comme photo de profil, la retirer, ou l'enregistrer dans un fichier.
cli-me-avatar-file = L'image à publier (PNG, JPEG, WebP ou GIF) : elle est recadrée en carré et envoyée en PNG simple, sans les métadonnées du fichier (lieu, appareil).
cli-me-avatar-remove = Retirer votre photo de profil.
cli-me-avatar-out = Enregistrer votre photo de profil, telle que le serveur l'a, dans ce fichier.
me-name = Nom affiché : { $name }
me-no-name = Pas de nom affiché : les autres voient { $user }.
me-avatar = Photo de profil : { $url }
me-no-avatar = Pas de photo de profil.
me-public = Votre nom et votre photo sont publics : tout le serveur, et les serveurs des personnes avec qui vous échangez, peuvent les voir. Ils ne sont pas chiffrés.
cli-qr = Vérifier avec un code QR : en afficher un, ou en lire un.
cli-qr-show = Afficher un code QR à faire scanner par l'autre appareil (et enregistrer ses données dans un fichier).
cli-qr-show-out = Le fichier où écrire le code QR : une image si son nom finit par .png, sinon les données brutes du code.
cli-qr-show-user = L'identifiant Matrix de la personne (le vôtre, pour vos sessions) ; sans lui : vos autres sessions.
cli-qr-show-device = L'identifiant de la session, pour ne vérifier que celle-ci.
cli-qr-show-incoming = Attendre une demande de vérification venue d'ailleurs et l'accepter.
cli-qr-show-timeout = Combien de temps attendre l'autre partie à chaque étape, en secondes.
cli-qr-scan = Lire le code QR affiché par l'autre appareil, depuis une image (PNG) ou un fichier contenant ses données brutes.
cli-qr-scan-file = Une image (PNG, JPEG, WebP ou GIF) du code QR de l'autre appareil, ou les données brutes du code ; attendu s'il n'existe pas encore.
qr-waiting-clipboard = En attente d'une image du code QR de l'autre appareil dans le presse-papiers : copiez-en la capture d'écran.
cli-qr-scan-clipboard = Lire le code depuis l'image du presse-papiers (une capture d'écran copiée) ; attendu jusqu'à ce qu'il en contienne un.
cli-qr-scan-user = L'identifiant Matrix de la personne (le vôtre, pour vos sessions) ; sans lui : vos autres sessions.
cli-qr-scan-device = L'identifiant de la session, pour ne vérifier que celle-ci.
cli-qr-scan-incoming = Attendre une demande de vérification venue d'ailleurs et l'accepter.
cli-qr-scan-timeout = Combien de temps attendre l'autre partie à chaque étape, en secondes.
# Les 64 émojis SAS de la spécification Matrix, par index
sas-emoji-dog = Chien
sas-emoji-cat = Chat
sas-emoji-lion = Lion
sas-emoji-horse = Cheval
sas-emoji-unicorn = Licorne
sas-emoji-pig = Cochon
sas-emoji-elephant = Éléphant
sas-emoji-rabbit = Lapin
sas-emoji-panda = Panda
sas-emoji-rooster = Coq
sas-emoji-penguin = Manchot
sas-emoji-turtle = Tortue
sas-emoji-fish = Poisson
sas-emoji-octopus = Pieuvre
sas-emoji-butterfly = Papillon
sas-emoji-flower = Fleur
sas-emoji-tree = Arbre
sas-emoji-cactus = Cactus
sas-emoji-mushroom = Champignon
sas-emoji-globe = Globe
sas-emoji-moon = Lune
sas-emoji-cloud = Nuage
sas-emoji-fire = Feu
sas-emoji-banana = Banane
sas-emoji-apple = Pomme
sas-emoji-strawberry = Fraise
sas-emoji-corn = Maïs
sas-emoji-pizza = Pizza
sas-emoji-cake = Gâteau
sas-emoji-heart = Cœur
sas-emoji-smiley = Sourire
sas-emoji-robot = Robot
sas-emoji-hat = Chapeau
sas-emoji-glasses = Lunettes
sas-emoji-spanner = Clé à molette
sas-emoji-santa = Père Noël
sas-emoji-thumbs-up = Pouce levé
sas-emoji-umbrella = Parapluie
sas-emoji-hourglass = Sablier
sas-emoji-clock = Réveil
sas-emoji-gift = Cadeau
sas-emoji-light-bulb = Ampoule
sas-emoji-book = Livre
sas-emoji-pencil = Crayon
sas-emoji-paperclip = Trombone
sas-emoji-scissors = Ciseaux
sas-emoji-lock = Cadenas
sas-emoji-key = Clé
sas-emoji-hammer = Marteau
sas-emoji-telephone = Téléphone
sas-emoji-flag = Drapeau
sas-emoji-train = Train
sas-emoji-bicycle = Vélo
sas-emoji-aeroplane = Avion
sas-emoji-rocket = Fusée
sas-emoji-trophy = Trophée
sas-emoji-ball = Ballon
sas-emoji-guitar = Guitare
sas-emoji-trumpet = Trompette
sas-emoji-bell = Cloche
sas-emoji-anchor = Ancre
sas-emoji-headphones = Casque
sas-emoji-folder = Dossier
sas-emoji-pin = Punaise

## Desktop app: verification, sessions, new-login alert, identity changes
verify-title-own = Vérifier cette session
verify-title-own-other = Vérifier votre session { $device }
verify-success-own = C'est fait : { $who } est vérifiée. Votre liste de sessions l'indique, et elle peut lire ce que vous envoyez.
verify-title-person = Vérifier { $who }
verify-own-session = votre autre session
verify-own-session-named = votre autre session { $device }
verify-waiting-accept = En attente de l'acceptation de { $who }…
verify-incoming-own = Une autre session de votre compte demande à vérifier celle-ci. N'acceptez que si vous venez de la lancer vous-même.
verify-incoming-person = { $who } demande à vous vérifier. N'acceptez que si vous êtes en contact avec cette personne en ce moment, en personne ou au téléphone.
verify-accept = Accepter
verify-decline = Refuser
verify-choose = Comment voulez-vous vérifier ? Gardez les deux écrans sous les yeux.
verify-by-emoji = Comparer des émojis
verify-by-qr = Afficher un QR code
verify-cancel = Annuler
verify-compare-note = Les émojis doivent être les mêmes, dans le même ordre. Si un seul diffère, répondez « Ils sont différents ».
verify-match = Ils sont identiques
verify-mismatch = Ils sont différents
verify-qr-show = Scannez ce code avec l'autre appareil.
verify-qr-scanned = L'autre appareil indique avoir scanné le code. Affiche-t-il que la vérification a réussi ?
verify-qr-scanned-yes = Oui, elle a réussi
verify-qr-scanned-no = Non
verify-success = C'est fait : { $who } est vérifié. Les messages portent désormais le bouclier « vérifié ».
verify-close = Fermer
sessions-ui-title = Vos sessions
sessions-ui-intro = Tous les endroits où votre compte est connecté. Si vous n'en reconnaissez pas une, déconnectez-la et changez votre mot de passe.
sessions-ui-loading = Interrogation du serveur…
sessions-ui-this = Cette session
sessions-ui-verified = ✓ Vérifiée
sessions-ui-unverified = ⚠ Non vérifiée
sessions-ui-seen = vue pour la dernière fois { $when }
sessions-ui-name-placeholder = Nom de la session (visible par les autres)
sessions-ui-save = Enregistrer
sessions-ui-cancel = Annuler
sessions-ui-rename = Renommer
sessions-ui-verify = Vérifier
sessions-ui-sign-out = Déconnecter
sessions-ui-password = Le mot de passe de votre compte
sessions-ui-password-why = Votre serveur demande votre mot de passe pour s'assurer que c'est bien vous qui déconnectez des sessions.
sessions-ui-continue = Continuer
sessions-ui-others = Déconnecter toutes les autres sessions
sessions-ui-others-confirm = { $count ->
    [one] Déconnecter votre autre session ? Elle devra se reconnecter.
   *[other] Déconnecter vos { $count } autres sessions ? Chacune devra se reconnecter.
}
sessions-ui-others-yes = Les déconnecter
sessions-ui-signed-out = { $count ->
    [0] Rien à déconnecter.
    [one] Une session déconnectée.
   *[other] { $count } sessions déconnectées.
}
alert-title = Nouvelle connexion à votre compte
alert-question = Une nouvelle session s'est connectée à votre compte : { $name } ({ $id }), { $when }. Était-ce vous ?
alert-advice = Si ce n'était pas vous, déconnectez-la tout de suite, puis changez votre mot de passe : quelqu'un d'autre le connaît.
alert-ip = Adresse : { $ip }
alert-sign-out = La déconnecter
alert-verify = La vérifier
alert-was-me = C'était moi
alert-signed-out = { $name } est déconnectée.
alert-signed-out-advice = Changez dès maintenant le mot de passe de votre compte et prévenez votre support informatique : la personne qui s'est connectée le connaissait.
banner-verify-session = Cette session n'est pas encore vérifiée : vos interlocuteurs ne peuvent pas savoir que c'est bien vous. Vérifiez-la avec une autre de vos sessions ou avec votre clé de récupération.
banner-verify-with-session = Vérifier avec une autre session
banner-verify-with-key = Utiliser la clé de récupération
identity-banner = { $count ->
    [one] L'identité de { $users } a changé. Cela arrive quand une personne réinstalle ou réinitialise son compte, ou quand quelqu'un d'autre se fait passer pour elle. Vos messages pour elle sont retenus jusqu'à ce que vous en preniez acte.
   *[other] Les identités de { $users } ont changé. Cela arrive quand des personnes réinstallent ou réinitialisent leur compte, ou quand quelqu'un d'autre se fait passer pour elles. Vos messages pour elles sont retenus jusqu'à ce que vous en preniez acte.
}
identity-acknowledge = En prendre acte et envoyer
identity-verify = Vérifier { $user }
settings-sessions = { $count ->
    [one] Une session est connectée à votre compte.
   *[other] { $count } sessions sont connectées à votre compte.
}
settings-sessions-manage = Gérer les sessions
settings-verified-only = N'envoyer mes messages qu'aux sessions vérifiées
settings-verified-only-note = Les personnes dont vous n'avez pas vérifié les sessions ne pourront pas lire ce que vous envoyez. Changer ce réglage reconnecte votre compte un instant.
settings-locked = Défini par votre organisation

## Managed policy v2 and doctor v2
policy-weaker = La politique de votre organisation ({ $path }) exige au moins « { $minimum } » pour { $key } : vous pouvez choisir plus strict, pas moins.
policy-organisation-only = seul le fichier de politique de votre organisation peut définir cette clé
policy-lock-needs-default = verrouiller le serveur de connexion demande default_homeserver dans le même fichier
policy-bad-minutes = { $minutes } n'est pas un nombre de minutes utilisable ; écrivez 0 (jamais) ou un nombre entier positif
policy-from-organisation-minimum = minimum fixé par votre organisation ({ $path }), vous pouvez choisir plus strict
refusal-homeserver-locked = La politique de votre organisation impose le serveur d'accueil { $server } : connectez-vous à celui-ci ou adressez-vous à votre service informatique.
refusal-public-room-directory = La politique de votre organisation désactive l'annuaire des salons publics. Vous pouvez toujours rejoindre un salon dont on vous a donné l'adresse.
refusal-reactions = La politique de votre organisation désactive les réactions : Matrix les envoie sans chiffrement, le serveur verrait donc qui a réagi à quel message. Rien n'a été envoyé.
refusal-local-search = La recherche est désactivée : aucun index de vos messages ne peut être gardé sur cet ordinateur (clé de politique local_search = "off") et la recherche du serveur ne peut pas être demandée (server_search = "off").
refusal-encrypted-search = { $room } est chiffré et la recherche locale est désactivée (clé de politique local_search = "off") : le serveur ne peut pas lire ses messages, et aucun index ne peut en être gardé sur cet ordinateur.
recovery-required-by-organisation = La politique de votre organisation ({ $path }) exige la récupération : configurez-la avec « estafette recovery enable ».
recovery-required-by-settings = Vos paramètres exigent la récupération : configurez-la avec « estafette recovery enable ».
doctor-status-warning = attention
doctor-failed = quelque chose ne va pas : { $checks } (voir les lignes marquées ÉCHEC)
doctor-unknown = inconnu
doctor-yes = oui
doctor-no = non
doctor-version = Estafette { $version } (compilation { $build }, { $target })
doctor-version-commit = Estafette { $version } (compilation { $build }, { $target }, commit { $commit })
doctor-system = { $os } ; bureau : { $desktop } ; type de session : { $session }
doctor-policy = règles fixées par votre organisation : { $organisation } ({ $organisation_file }) ; par vos paramètres : { $user } ({ $user_file }) ; chacune est détaillée plus bas
doctor-policy-no-file = aucun fichier
doctor-policy-heading = Politique en vigueur :
doctor-permissions-ok = les dossiers de données et de cache ne sont accessibles qu'à vous (dossiers 0700, fichiers 0600)
doctor-hardening-ok = pas de vidage mémoire, et aucun autre programme ne peut tracer celui-ci ni lire sa mémoire
doctor-hardening-core-dumps = les vidages mémoire sont permis : un plantage pourrait écrire les clés de la session sur le disque
doctor-hardening-traceable = d'autres programmes de cet utilisateur peuvent tracer celui-ci et lire sa mémoire
doctor-permissions-open = { $path } est accessible à d'autres utilisateurs (mode { $mode }, attendu 0700 pour un dossier et 0600 pour un fichier){ $more ->
        [0] {""}
       *[other] , et { $more } autres
    }. Estafette rend ses dossiers à nouveau privés quand il ouvre le compte ; si le problème revient, c'est qu'autre chose les modifie.
doctor-permissions-owner = { $path } appartient à un autre utilisateur{ $more ->
        [0] {""}
       *[other] , et { $more } autres
    } : Estafette a sans doute été lancé une fois en root. Rendez les fichiers du profil à votre utilisateur (chown).
doctor-keychain-ready = le trousseau du système ({ $backend }) est joignable et peut garder des secrets
doctor-homeserver-reached = { $url } répond : Matrix { $versions } ; { $transport } ; synchronisation glissante : { $sliding_sync }
doctor-tls-https = chiffré par TLS (https), certificat vérifié
doctor-tls-loopback = http simple vers cet ordinateur uniquement (boucle locale)
doctor-skipped-homeserver = demande le serveur d'accueil
doctor-skipped-session = demande une session valide
doctor-skipped-sync = demande la synchronisation
doctor-sync-ok = la synchronisation fonctionne et a reçu la liste des salons (nombre de salons : { $rooms })
doctor-sync-failed = la synchronisation ne fonctionne pas : { $cause }
doctor-sync-offline = le serveur est injoignable
doctor-sync-timeout = aucune réponse en { $seconds } secondes
doctor-cross-signing-ok = cette session détient les trois clés de signature croisée du compte
doctor-cross-signing-partial = cette session ne détient qu'une partie des clés de signature croisée du compte : vérifiez-la depuis une autre session ou récupérez-les avec la clé de récupération
doctor-cross-signing-none = cette session ne détient aucune clé de signature croisée du compte : vérifiez-la depuis une autre session ou récupérez-les avec la clé de récupération
doctor-recovery-enabled = la récupération est configurée et cette session détient tous les secrets qu'elle protège
doctor-recovery-disabled = la récupération n'est pas configurée : si toutes les sessions sont perdues, l'historique chiffré l'est aussi (« estafette recovery enable »)
doctor-recovery-incomplete = la récupération est configurée, mais il manque des secrets à cette session (« estafette recovery recover »)
doctor-recovery-unknown = l'état de la récupération n'est pas encore connu
doctor-backup-on = la sauvegarde des clés est active : cette session enregistre ses clés de messages sur le serveur, chiffrées
doctor-backup-elsewhere = une sauvegarde des clés existe, mais cette session ne peut pas encore l'utiliser (« estafette recovery recover »)
doctor-backup-off = il n'y a pas de sauvegarde des clés
doctor-backup-unknown = impossible de vérifier la sauvegarde des clés : { $cause }
doctor-verified-ok = cette session est vérifiée
doctor-verified-no = cette session n'est pas vérifiée : vérifiez-la depuis une autre session (« estafette verify ») ou avec la clé de récupération
doctor-required-by-policy = La politique en vigueur l'exige.
doctor-sessions-unknown = impossible de lister les sessions de ce compte
doctor-sessions-ok = { $others ->
        [0] c'est la seule session du compte
        [one] l'autre session du compte est vérifiée
       *[other] les { $others } autres sessions du compte sont toutes vérifiées
    }
doctor-sessions-unverified = autres sessions non vérifiées : { $count } sur { $others } ({ $devices }) ; vérifiez-les ou déconnectez-les (« estafette devices »)

## Pièces jointes : envoi d'un fichier, progression de l'envoi, téléchargement
file-size-decimal-separator = { "," }
file-size-bytes = { $value } o
file-size-kilobytes = { $value } ko
file-size-megabytes = { $value } Mo
file-size-gigabytes = { $value } Go
file-size-terabytes = { $value } To
upload-progress = Envoi de { $name } : { $percent } % ({ $sent } sur { $total })
error-file-missing = Aucun fichier à l'emplacement { $path } : rien n'a été envoyé.
error-file-not-a-file = { $path } est un dossier, pas un fichier : rien n'a été envoyé.
error-file-unreadable = Impossible de lire { $path } : { $cause }. Rien n'a été envoyé.
error-file-too-large = { $name } est trop volumineux pour être envoyé ({ $size }) : ce serveur accepte les fichiers jusqu'à { $max }.
error-not-an-attachment = Le message { $event } ne contient aucun fichier.
error-download-undecryptable = Le message { $event } ne peut pas être déchiffré dans cette session (sa clé n'est pas arrivée) : impossible d'ouvrir son fichier.
error-download-failed = Le fichier n'a pas pu être téléchargé : { $cause }
error-file-write = Impossible d'enregistrer le fichier sous { $path } : { $cause }
error-crashed = Estafette n'a pas pu ouvrir votre compte à cause d'une erreur interne ({ $cause }). Rien n'est perdu : quittez et relancez Estafette, et si cela se reproduit, lancez « estafette doctor » et transmettez son rapport à votre support informatique.
error-not-a-picture = { $path } n'est pas une image qu'Estafette sait lire (PNG, JPEG, WebP ou GIF). Votre photo de profil n'a pas changé.
error-picture-too-large = { $path } est trop grande pour une photo de profil (25 Mo au plus, et 16 384 pixels de côté). Votre photo de profil n'a pas changé.
cli-send-file = Envoyer ce fichier au lieu d'un texte (chiffré dans un salon chiffré) ; la progression de l'envoi s'affiche sur stderr.
cli-download = Enregistrer le fichier joint à un message, déchiffré.
cli-download-room = L'identifiant, l'alias ou le nom du salon.
cli-download-event = L'identifiant d'événement du message (affiché par tail --json).
cli-download-out = Où enregistrer le fichier (remplacé s'il existe déjà).
qr-read-not-image = Ce fichier n'est ni une image PNG ni un code de vérification enregistré.
qr-read-no-code = Aucun QR code n'a pu être lu sur cette image. Reprenez-la de plus près, avec tout le code visible.
qr-read-not-matrix = Ce QR code n'est pas un code de vérification Matrix.
verify-by-scan = Scanner son code depuis une image…
verify-by-paste = Coller depuis le presse-papiers
verify-scan-note = Ou lisez le code affiché par l'autre appareil : depuis une image, ou une capture d'écran que vous avez copiée.
clipboard-unavailable = Le presse-papiers ne peut pas être lu sur ce bureau. Enregistrez l'image dans un fichier et choisissez-la.
clipboard-no-picture = Le presse-papiers ne contient pas d'image. Copiez la capture d'écran du code (et non le fichier), puis réessayez.
verify-qr-save = Enregistrer comme image…
verify-pick-title = L'image du QR code de l'autre appareil
room-partner-verified = ✓ Vérifié
room-partner-verify = Vérifier cette personne
recovery-ui-save = Enregistrer dans un fichier…
recovery-ui-copied = Copiée, marquée comme mot de passe pour que les gestionnaires de presse-papiers n'en gardent pas de copie. Estafette la retire du presse-papiers dans une minute.
recovery-ui-saved = Enregistrée dans { $path }, lisible par vous seul. Gardez ce fichier en lieu sûr, loin de cet ordinateur.
recovery-file-note = Clé de récupération Estafette. Gardez-la en lieu sûr, loin de cet ordinateur : avec elle, n'importe qui peut lire vos messages chiffrés.
composer-attach = Joindre un fichier
upload-sending = Envoi de { $name }…
upload-percent = { $percent } %
timeline-save-file = Enregistrer…
files-no-dialog = Ce bureau ne propose pas de fenêtre de choix de fichier. Demandez à votre support informatique d'installer xdg-desktop-portal-gtk (ou zenity) ; en attendant, faites glisser le fichier sur la fenêtre.
notify-hidden = Nouveau message dans Estafette
required-verification-title = Vérifiez cette session pour continuer
required-verification = Votre organisation exige que chaque session soit vérifiée avant d'être utilisée, afin que personne ne puisse lire vos conversations depuis une session que vous ne contrôlez pas. Vérifiez celle-ci avec une autre de vos sessions, ou avec votre clé de récupération.
required-recovery-title = Mettez en place la récupération pour continuer
required-recovery = Votre organisation exige la récupération, afin que votre historique chiffré ne soit pas perdu avec cet ordinateur. Cela prend une minute : vous recevrez une clé de récupération à garder en lieu sûr.
lock-title = Estafette est verrouillé
lock-why = Cette fenêtre n'a pas servi depuis un moment : votre organisation la fait masquer. Prouvez au serveur que vous êtes { $user } pour continuer.
lock-password = Le mot de passe de votre compte
lock-unlock = Déverrouiller
lock-sso = Se connecter avec votre organisation
lock-sso-waiting = Votre navigateur affiche la connexion de votre organisation. Sa page peut dire qu'une application veut modifier votre compte : rien n'est modifié, le serveur confirme seulement que c'est vous. Une fois connecté, revenez ici.
lock-sso-finished = Je me suis connecté
lock-logout-warning = Se déconnecter de ce compte sur cet ordinateur ? Ses clés sur cet ordinateur sont supprimées : sans récupération configurée, l'historique chiffré ne pourra plus être lu ici.
lock-logout-confirm = Se déconnecter et supprimer les clés
lock-cli-refused = Estafette est verrouillé : sa fenêtre n'a pas servi depuis un moment (verrouillage de votre organisation). Déverrouillez-le dans la fenêtre, ou ici avec : estafette unlock --password-stdin
lock-cli-unlocked = Déverrouillé.
password-changed = Mot de passe changé. Les autres sessions du compte restent connectées.
password-changed-others = Mot de passe changé, et toutes les autres sessions du compte ont été déconnectées : reconnectez vos autres appareils avec le nouveau mot de passe.
password-three-lines = Donnez trois lignes sur l'entrée standard : le mot de passe actuel, puis le nouveau deux fois.
password-title = Changer votre mot de passe
password-why = Si quelqu'un d'autre peut connaître votre mot de passe (il a fuité, ou vous l'utilisez ailleurs), changez-le et déconnectez toutes les autres sessions : qui le détenait perd les sessions ouvertes avec. Vos messages et clés sur cet ordinateur restent.
password-current = Mot de passe actuel
password-new = Nouveau mot de passe
password-again = Nouveau mot de passe, à nouveau
password-sign-out-others = Déconnecter toutes mes autres sessions
password-submit = Changer le mot de passe
password-busy = Changement…
password-open = Changer mon mot de passe…
recovery-ui-reset-open = Réinitialiser mon identité…
recovery-ui-reset = Réinitialiser mon identité
recovery-ui-resetting = Création d'une nouvelle identité et d'une nouvelle clé de récupération…
recovery-ui-reset-warning = Seulement si vous avez perdu votre clé de récupération et toutes vos autres sessions. C'est irréversible : les messages chiffrés jusqu'ici ne pourront plus être lus sur une nouvelle session ; les personnes qui vous ont vérifié, et vos autres sessions, vous verront comme non vérifié et devront vous vérifier à nouveau ; votre clé de récupération actuelle cessera de fonctionner. Vous recevrez une nouvelle clé de récupération. Votre serveur demande votre mot de passe.

## Ce qui s'est passé dans un salon, une ligne chacun (model/happening.rs)
happening-deleted = Message supprimé
happening-deleted-by = Message supprimé par { $who }
happening-reason = { $line } (motif : { $reason })
happening-joined = { $who } a rejoint le salon
happening-joined-encrypted = { $who } a rejoint le salon : cette personne peut lire tout ce qui est envoyé à partir de maintenant
happening-left = { $who } est parti·e
happening-invited = { $by } a invité { $who }
happening-kicked = { $by } a retiré { $who } du salon
happening-banned = { $by } a banni { $who }
happening-unbanned = { $by } a levé le bannissement de { $who }
happening-invite-declined = { $who } a décliné l'invitation
happening-invite-withdrawn = { $by } a retiré l'invitation de { $who }
happening-knocked = { $who } demande à rejoindre le salon
happening-member-other = L'appartenance de { $who } au salon a changé
happening-renamed = { $from } s'appelle maintenant { $to }
happening-new-picture = { $who } a changé sa photo
happening-created = { $who } a créé le salon
happening-room-name = { $who } a nommé le salon « { $name } »
happening-room-name-removed = { $who } a retiré le nom du salon
happening-topic = { $who } a défini le sujet : { $topic }
happening-topic-removed = { $who } a retiré le sujet
happening-room-picture = { $who } a changé l'image du salon
happening-power = { $who } a changé qui peut faire quoi dans le salon
happening-power-one = { $who } de { $from } à { $to }
happening-power-changes = { $who } a changé les niveaux de pouvoir : { $changes }
happening-encryption-on = { $who } a activé le chiffrement de bout en bout
happening-history-anyone = { $who } a rendu l'historique écrit à partir de maintenant lisible par tout le monde
happening-history-members = { $who } a rendu l'historique lisible par tous les membres
happening-history-invited = { $who } a rendu l'historique lisible par les membres à partir de leur invitation
happening-history-joined = { $who } a rendu l'historique lisible par les membres à partir de leur arrivée
happening-join-public = { $who } a ouvert le salon à tout le monde, sans invitation
happening-join-restricted = { $who } a réservé le salon aux invités
happening-poll = Sondage : { $question } (répondez-y dans une autre application)
happening-location = Position partagée : { $place } (ouvrez-la dans une autre application)
happening-call = Un appel (rejoignez-le dans une autre application)
happening-other = Un événement que cette application ne sait pas afficher ({ $kind })

## Supprimer un message (ui/panel/delete.rs)
delete-question = Supprimer ce message ?
delete-question-other = Supprimer le message de ce membre ? Vous le faites en tant que modérateur, et le salon voit qui l’a fait.
delete-explained = Tout le salon verra « Message supprimé » à sa place, dans toutes les applications. Le serveur cesse aussitôt d’en servir le contenu, mais peut garder l’original chiffré dans sa base un certain temps. Le motif n’est pas chiffré : le serveur peut le lire.
delete-reason = Motif (facultatif)
delete-confirm = Supprimer
timeline-delete = Supprimer
timeline-copy = Copier

## Un lien qui demande avant de s'ouvrir (ui/panel/link.rs)
link-question = Ouvrir ce lien ?
link-text-differs = Le message affiche « { $shown } », mais le lien mène ailleurs.
link-look-alike = Cette adresse contient des caractères qui peuvent en imiter une autre, ou cache son vrai serveur derrière un nom.
link-goes-to = Il mène en réalité à :
link-open = Ouvrir dans le navigateur
link-not-opened = Ce lien n’a pas été ouvert : seules les adresses web et e-mail le sont.
link-open-failed = Le navigateur n’a pas pu être ouvert : { $cause }
link-room-unknown = Vous n’êtes pas dans le salon { $room }. Demandez une invitation, ou rejoignez-le depuis l’annuaire.

## Les images dans le fil et la visionneuse (ui/panel/pictures.rs, viewer.rs)
picture-loading = Chargement de l’image…
picture-show = Afficher l’image
picture-held = Les images des personnes avec qui vous n’avez pas de discussion directe ne sont pas chargées automatiquement dans ce salon : il est public ou non chiffré, et les récupérer indique à leur serveur que vous les avez regardées.
picture-unreadable = Cette image ne peut pas être affichée : { $cause }
viewer-loading = Chargement de l’image…
viewer-fit = Ajuster à la fenêtre
viewer-actual = Taille réelle
viewer-close = Fermer
file-open = Ouvrir
picture-not-readable = ce n’est pas une image que cette application sait lire, ou elle est trop grande pour être ouverte sans risque
list-order-activity = Triés par activité · trier par nom
list-order-name = Triés par nom · trier par activité
list-invited-by = Invitation de { $who }
room-new-messages = Nouveaux messages
room-jump-unread = ↑ Aller au premier message non lu
paste-question = Envoyer l’image du presse-papiers dans { $room } ?
composer-pasted-name = image collée
paste-send = Envoyer l’image
timeline-in-thread = ↳ dans un fil
timeline-thread-replies = { $count ->
    [one] 💬 1 réponse dans son fil
   *[other] 💬 { $count } réponses dans son fil
}

## Un fil à côté du salon (ui/panel/thread.rs)
thread-title = Fil
thread-loading = Chargement du fil…
thread-placeholder = Répondre dans le fil…
thread-needs-consent = Ce salon n’est pas chiffré : envoyez d’abord un message dans le salon lui-même (il demande votre accord) avant de répondre dans un fil.

## Membres et réglages des salons (#16)
role-creator = créateur
role-admin = administrateur
role-moderator = modérateur
role-member = membre
role-custom = niveau de pouvoir { $level }
action-invite = inviter des personnes
action-kick = retirer des personnes
action-ban = bannir des personnes
action-unban = lever des bannissements
action-role = changer les rôles
action-rename = renommer le salon
action-topic = changer le sujet
action-avatar = changer l'image du salon
action-join-rule = changer qui peut rejoindre
action-history = changer qui peut lire l'historique
action-guests = changer l'accès des invités sans compte
action-encryption = activer le chiffrement
action-mention-room = notifier tout le salon avec @room
not-allowed-level = Vous ne pouvez pas { $action } ici : il faut le niveau de pouvoir { $needed }, le vôtre est { $mine }.
not-allowed-outranked = Vous ne pouvez pas faire cela à { $user } ({ $action }) : son niveau de pouvoir ({ $theirs }) n'est pas inférieur au vôtre ({ $mine }).
not-allowed-above-own = Vous ne pouvez pas donner le niveau de pouvoir { $level } : il dépasse le vôtre ({ $mine }).
error-bad-level = « { $level } » n'est pas un niveau de pouvoir accepté par Matrix.
error-bad-role = « { $role } » n'est pas un rôle : dites admin, moderator, member, ou un niveau de pouvoir (un nombre).
error-room-name-empty = Le nom d'un salon ne peut pas être vide.
error-already-encrypted = Ce salon est déjà chiffré de bout en bout (une fois activé, le chiffrement ne peut pas être désactivé).
error-needs-consent = { $warning } Rien n'a été changé : relancez avec --yes pour le faire.
error-bad-setting = { $option } n'accepte pas « { $value } » : voir « estafette room-settings --help ».
join-rule-invite = seulement les personnes invitées
join-rule-knock = chacun peut demander à entrer ; un modérateur l'accepte
join-rule-restricted = les membres de salons ou d'espaces donnés
join-rule-public = toute personne qui a le lien ou trouve le salon
join-rule-other = une règle qu'Estafette ne connaît pas
history-joined = les membres, depuis leur arrivée
history-invited = les membres, depuis leur invitation
history-shared = les membres, y compris ce qui a été dit avant leur arrivée
history-world = tout le monde, membre ou non
member-invited-by = invité par { $user }
member-joined = présent
member-invited = invité
member-knocking = demande à entrer
member-banned = banni
member-left = parti
member-verified = vérifié
member-identity-changed = identité changée : à vérifier de nouveau
member-unverified = non vérifié
member-no-identity = aucune identité publiée
room-setting-opens = Cela fait entrer plus de monde dans le salon : { $rule }. Chaque arrivant reçoit les clés de ce qui est envoyé ensuite.
room-setting-widens = Cela permet à plus de monde de lire ce qui est envoyé : { $history }.
room-setting-none = (aucun)
room-setting-yes = oui
room-setting-no = non
room-setting-name = Nom
room-setting-topic = Sujet
room-setting-join-rule = Qui peut rejoindre
room-setting-history = Qui peut lire l'historique
room-setting-guests = Invités sans compte admis
room-setting-encrypted = Chiffré de bout en bout
room-setting-replaced = Ce salon a été remplacé par { $room } : la conversation continue là-bas.
room-setting-server-sees = Le nom, le sujet et l'image du salon ne sont pas chiffrés de bout en bout : le serveur les voit.
cli-leave-forget = Oublier aussi le salon : le serveur le retire de votre liste.
cli-members = Lister les personnes d'un salon : leur rôle, si elles sont présentes, invitées ou bannies, et si vous les avez vérifiées.
cli-members-room = L'identifiant, l'alias ou le nom du salon.
cli-invite = Inviter quelqu'un dans un salon. Cette personne recevra les clés de ce qui est envoyé ensuite.
cli-invite-room = L'identifiant, l'alias ou le nom du salon.
cli-invite-user = Son identifiant Matrix (@nom:serveur).
cli-kick = Retirer quelqu'un d'un salon (il peut revenir si le salon le permet).
cli-kick-room = L'identifiant, l'alias ou le nom du salon.
cli-kick-user = Son identifiant Matrix (@nom:serveur).
cli-kick-reason = Pourquoi, montré au salon et à la personne.
cli-ban = Bannir quelqu'un d'un salon : retiré, et tenu dehors jusqu'à la levée du bannissement.
cli-ban-room = L'identifiant, l'alias ou le nom du salon.
cli-ban-user = Son identifiant Matrix (@nom:serveur).
cli-ban-reason = Pourquoi, montré au salon et à la personne.
cli-unban = Lever le bannissement de quelqu'un : il peut de nouveau être invité ou rejoindre.
cli-unban-room = L'identifiant, l'alias ou le nom du salon.
cli-unban-user = Son identifiant Matrix (@nom:serveur).
cli-unban-reason = Pourquoi, montré au salon et à la personne.
cli-role = Donner un rôle à quelqu'un dans un salon : admin (100), moderator (50), member, ou un niveau de pouvoir. Personne ne peut donner plus que son propre niveau.
cli-role-room = L'identifiant, l'alias ou le nom du salon.
cli-role-user = Son identifiant Matrix (@nom:serveur).
cli-role-role = admin, moderator, member, ou un nombre.
cli-room-settings = Afficher les réglages d'un salon ; changer qui peut rejoindre, qui peut lire l'historique, ou activer le chiffrement.
cli-room-settings-room = L'identifiant, l'alias ou le nom du salon.
cli-room-settings-join_rule = Qui peut rejoindre : invite (seulement les invités), knock (chacun peut demander, un modérateur accepte) ou public (tout le monde).
cli-room-settings-history = Qui peut lire ce qui est envoyé : joined (depuis l'arrivée), invited, shared (les membres, tout) ou anyone.
cli-room-settings-encrypt = Activer le chiffrement de bout en bout, pour de bon : il ne peut pas être désactivé.
cli-room-settings-yes = Consentir à un changement qui fait entrer ou lire plus de monde.
cli-rename = Renommer un salon. Le nom n'est pas chiffré de bout en bout : le serveur le voit.
cli-rename-room = L'identifiant, l'alias ou le nom du salon.
cli-rename-name = Le nouveau nom.
cli-topic = Définir le sujet d'un salon, ou l'effacer avec "". Le sujet n'est pas chiffré de bout en bout : le serveur le voit.
cli-topic-room = L'identifiant, l'alias ou le nom du salon.
cli-topic-text = Le nouveau sujet.
members-title = { $count ->
    [one] 1 membre
   *[other] { $count } membres
}
members-title-loading = Membres
members-who-reads = Chaque personne ici, et chacune de ses sessions, reçoit les clés de ce qui est envoyé à partir de maintenant.
members-filter = Trouver un membre par nom ou identifiant Matrix
members-loading = Chargement des membres…
members-more = …et { $count } de plus : tapez un nom pour les trouver.
members-none = Personne ne correspond.
members-ask-kick = Retirer { $user } du salon ? Cette personne peut revenir si le salon la laisse entrer.
members-ask-ban = Bannir { $user } ? Cette personne est retirée et ne peut revenir qu'une fois le bannissement levé.
members-ask-unban = Lever le bannissement de { $user } ? Cette personne pourra de nouveau être invitée ou rejoindre.
members-ask-role = Nommer { $user } { $role } ?
members-role-confirm = Changer le rôle
members-admin-for-good = Un administrateur a autant de pouvoir que vous : vous ne pourrez pas le lui retirer.
members-kick = Retirer…
members-ban = Bannir…
members-unban = Lever le bannissement…
members-reason = Raison (facultative, le salon et la personne la voient)
members-invite-not-allowed = Votre niveau de pouvoir ne vous permet pas d'inviter ici.
members-invite-placeholder = Inviter par identifiant Matrix (@nom:serveur)
members-invite = Inviter
members-banned-because = banni : { $reason }
members-shield-verified = ✓ vérifié
members-shield-changed = ⚠ identité changée
members-shield-unverified = non vérifié
members-shield-none = aucune identité
members-message = Écrire
members-verify = Vérifier
members-role = Rôle :
members-cannot = Son niveau de pouvoir ({ $theirs }) n'est pas inférieur au vôtre ({ $mine }) : vous ne pouvez ni la retirer, ni la bannir, ni la changer.
room-settings-title = Réglages du salon
room-settings-open = Réglages
room-settings-loading = Chargement des réglages…
room-settings-save = Enregistrer
room-settings-no-power = Votre niveau de pouvoir dans ce salon ne vous permet pas de changer ceci.
room-settings-forget = Oublier aussi le salon
room-settings-leave = Quitter le salon
room-settings-ask-leave = Quitter ce salon ? Vous ne recevrez plus ce qui y est envoyé ; pour revenir, il vous faudra peut-être une nouvelle invitation.
room-settings-ask-forget = Quitter et oublier ce salon ? Il sort de votre liste, et son historique ne peut plus être récupéré depuis ce compte.
room-settings-apply = Le changer
room-settings-encrypted = Chiffré de bout en bout : seules les sessions des membres peuvent lire les messages. Cela ne peut pas être désactivé.
room-settings-not-encrypted = Non chiffré de bout en bout : le serveur peut lire chaque message envoyé ici.
room-settings-encrypt = Activer le chiffrement…
room-settings-ask-encrypt = Activer le chiffrement de bout en bout ? C'est définitif : il ne pourra jamais être désactivé. Ensuite, le serveur ne pourra plus lire les nouveaux messages ; certains robots et passerelles cessent de fonctionner.
room-replaced = Ce salon a été remplacé par un nouveau : la conversation continue là-bas.
room-replaced-go = Aller au nouveau salon
invite-block = Bloquer
directory-world-readable = tout le monde peut le lire
directory-joined = rejoint
error-unknown-server = « { $server } » n'est pas un nom de serveur Matrix (comme matrix.org).
cli-directory = Chercher dans l'annuaire des salons publics de votre serveur, ou d'un autre. Refusé quand votre organisation a désactivé l'annuaire.
cli-directory-search = Des mots à chercher dans le nom, l'adresse et le sujet des salons (tous les salons sinon).
cli-directory-server = Un autre serveur dont chercher l'annuaire (seulement un serveur que votre organisation autorise).
home-explore = Explorer les salons publics, ou en rejoindre un par son adresse
directory-title = Explorer les salons publics
directory-address = Rejoindre par adresse : #salon:serveur, ou un lien matrix.to
directory-join = Rejoindre
directory-open = Ouvrir
directory-search = Chercher un salon public par nom ou sujet
directory-server = Serveur (facultatif)
directory-find = Chercher
directory-searching = Recherche…
directory-none = Aucun salon public ne correspond.
directory-not-an-address = Ce n'est pas l'adresse d'un salon : écrivez #nom:serveur, !id:serveur, ou collez un lien matrix.to vers un salon.
directory-ask-join = Rejoindre « { $room } » ?
directory-public-warning = Ce salon est public : tout le monde peut le rejoindre et lire ce qui s'y dit, et il n'est peut-être pas chiffré de bout en bout. N'y écrivez rien que vous ne diriez pas à un inconnu.
members-ignore = Ignorer…
members-ask-ignore = Ignorer { $user } ? Vous ne verrez plus ses messages ni ses invitations, dans aucun salon, sur aucune de vos sessions. Vous pourrez revenir dessus.
members-sessions-loading = Recherche de ses sessions…
members-sessions-none = Aucune session publiée : rien de ce qui est envoyé ici ne lui parvient chiffré tant qu'elle ne se connecte pas avec une.
members-sessions = { $count ->
    [one] 1 session reçoit ce qui lui est envoyé :
   *[other] { $count } sessions reçoivent ce qui lui est envoyé :
}
members-session-verified = vérifiée par son propriétaire
members-session-unverified = non vérifiée par son propriétaire
list-all-spaces = Tous
list-space-rooms = Salons de cet espace…
directory-space-title = Salons de { $space }
directory-unencrypted-warning = Ce salon n'est pas chiffré de bout en bout : le serveur, et toute personne qui le rejoint, peuvent lire ce qui s'y dit.
error-not-a-space = « { $room } » n'est pas un espace.
cli-space = Lister les salons d'un espace, rejoints ou non, et s'ils sont chiffrés ; en rejoindre un avec « estafette join ».
cli-space-space = L'identifiant, l'alias ou le nom de l'espace.
members-you = { $name } (vous)

## Mentions
mention-room = @room — notifier tout le salon
mention-hint = ↑ ↓ pour choisir, Tab ou Entrée pour mentionner, Échap pour fermer

## Notification modes
error-keyword-empty = Un mot-clé ne peut pas être vide.
error-bad-notify-mode = « { $input } » n’est pas un mode de notification : utilisez all, mentions, mute ou default.
notify-mode-all = Tous les messages
notify-mode-mentions = Mentions et mots-clés
notify-mode-mute = Silencieux
notify-mode-default = { $mode } (par défaut du serveur)
notify-mode-label = Notifications
cli-notifications = Afficher combien un salon notifie, ou le régler : all (chaque message), mentions (mentions et mots-clés seulement), mute (silencieux), ou default (le réglage par défaut du serveur). Gardé dans les règles de notification du serveur, pour que vos autres applications soient d’accord.
cli-notifications-room = L’identifiant, l’alias ou le nom du salon.
cli-notifications-mode = all, mentions, mute ou default ; sans lui, le mode actuel est affiché.
cli-keywords = Lister les mots-clés qui vous notifient où qu’ils soient écrits, ou en ajouter ou en retirer un.
cli-keywords-action = add (ajouter) ou remove (retirer).
cli-keywords-word = Le mot-clé.

## Keywords
keywords-title = Mots-clés
keywords-loading = Lecture de vos mots-clés…
keywords-none = Aucun mot-clé pour l’instant.
keywords-remove = Retirer
keywords-add = Ajouter
keywords-placeholder = Un mot qui doit vous notifier, par exemple le nom de votre service
keywords-note = Un message qui en contient un vous notifie et est mis en évidence, dans chaque salon qui n’est pas en silencieux. Vos autres applications utilisent les mêmes mots-clés ; dans les salons chiffrés chaque application les cherche elle-même, le serveur ne pouvant pas lire les messages.

## Do not disturb
quiet-off = Ne pas déranger : désactivé.
quiet-until = Ne pas déranger jusqu’à { $until } : aucune notification.
quiet-hour = Silence pendant 1 heure
quiet-day = Silence pendant 8 heures
quiet-stop = Notifier à nouveau

## Knocking, guests, the room's picture, declining and blocking (CLI)
cli-leave-block = En refusant une invitation : ignorer aussi qui l'a envoyée, pour que plus rien de sa part ne vous parvienne.
cli-knock = Demander à rejoindre un salon dont la règle est « sur demande » : un de ses modérateurs vous fait entrer.
cli-knock-room = L'identifiant (!…) ou l'alias (#…) du salon.
cli-knock-reason = Pourquoi, montré aux modérateurs du salon.
cli-room-settings-guests = Si les invités sans compte (comptes sans mot de passe, là où le serveur en a) peuvent rejoindre : on ou off.
cli-room-settings-avatar = Publier cette image comme celle du salon (le serveur la voit : elle n'est pas chiffrée de bout en bout).
cli-room-settings-remove_avatar = Retirer l'image du salon.
invite-blocked = Refusée ; { $user } est désormais ignoré : plus rien de sa part ne vous parvient.
room-setting-guests-on = Ceci laisse entrer les invités sans compte, là où le serveur en a. Toute personne qui entre reçoit les clés de ce qui est envoyé ensuite.
room-setting-picture = Image
room-settings-picture-change = Changer l'image…
room-settings-picture-remove = Retirer
room-settings-picture-pick = L'image du salon
members-admit = Faire entrer
members-refuse = Refuser
members-ask-refuse = Refuser la demande de { $user } de rejoindre le salon ?
directory-knock = Demander à rejoindre
directory-knocked = Demande envoyée : un modérateur du salon vous fera entrer.
directory-space-rooms = Ses salons

## The tray icon and running in the background
tray-news = { $count ->
    [one] Un salon a du nouveau
   *[other] { $count } salons ont du nouveau
}
tray-nothing-new = Rien de nouveau
tray-quiet = Les notifications sont en sourdine
tray-open = Ouvrir Estafette
tray-quiet-hour = Ne pas déranger pendant une heure
tray-quiet-end = Terminer « Ne pas déranger »
tray-quit = Quitter
background-no-tray-title = Fermer la fenêtre quitte Estafette
background-no-tray = Ce bureau n'a pas de zone de notification où garder Estafette en arrière-plan : fermer la fenêtre le quitte, et aucune notification ne vous parvient jusqu'à son prochain démarrage. Ceci n'est dit qu'une fois.
background-keep-open = Garder la fenêtre ouverte
background-quit = Quitter
autostart-written = Estafette démarrera derrière son icône de la barre d'état à l'ouverture de votre session ({ $path }).
autostart-removed = Estafette ne démarrera plus à l'ouverture de votre session ({ $path } supprimé).
settings-start-at-login = Démarrer Estafette à l'ouverture de ma session
settings-start-at-login-note = Il démarre derrière son icône de la barre d'état, sans fenêtre, pour que les messages soient signalés dès le début de la journée.
serve-app-stopped = L'application Estafette s'est arrêtée avant la fin de la commande.
serve-not-here = Estafette est ouvert avec le profil « { $profile } », et cette commande a besoin du profil pour elle seule (elle lit un secret, ou ouvre ou ferme la session). Quittez d'abord l'application (Ctrl+Q, ou Quitter dans le menu de son icône).

## Search
search-indexing = Indexation de l'historique : { $done } salons sur { $rooms }. Les messages pas encore indexés sont lus d'abord…
search-server-only = Votre organisation n'autorise pas d'index de recherche sur cet ordinateur (local_search = "off") : seuls les salons non chiffrés sont cherchés, par le serveur.
search-nothing = Aucun message ne contient tous les mots de « { $query } ».
search-title-room = Rechercher dans { $room }
search-title-all = Rechercher dans tous les salons
search-all-rooms = Tous les salons
search-placeholder = Mots à trouver (accents et majuscules indifférents)
cli-search = Chercher dans les messages de vos salons, chiffrés compris, grâce à l'index local de cet ordinateur (scellé par une clé de votre trousseau). L'index est d'abord mis à jour. Chaque mot doit figurer dans le message ; accents et majuscules sont indifférents, et les terminaisons françaises et anglaises sont ramenées à leur racine. Refusé quand la politique désactive la recherche locale.
cli-search-query = Les mots à trouver.
cli-search-room = Seulement ce salon (son identifiant, son adresse ou son nom).
cli-search-limit = Combien de messages afficher au plus.
