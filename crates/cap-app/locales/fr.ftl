### Interface en français (langue par défaut), en Fluent : https://projectfluent.org/fluent/guide/
### Mêmes identifiants dans en.ftl. L'identifiant `campaign-progress` est la clé `campaign.progress`
### du code ; { $n } est la première valeur passée par le code, { $arg2 }, { $arg3 }… les suivantes.
### Le pluriel se choisit sur $n : [one] pour 0 et 1 en français, *[other] sinon.

## nav

nav-menu = Menu
nav-practices = Bonnes pratiques
nav-network = Réseau
nav-deployment = Déploiement
nav-directory = Pairs
nav-my_campaign = Ma campagne
nav-referentials = Référentiels
nav-label = Navigation principale
nav-home = Accueil
nav-admin = Administration
nav-account = Mon compte
nav-sign_out = Se déconnecter

## common

common-scrollable_table = Tableau, à faire défiler horizontalement si besoin
common-skip_to_content = Aller au contenu
common-other_lang_code = en
common-other_lang_name = English
common-footer = Cap — Ambition et Progrès. Démarche d'amélioration continue des structures d'insertion par l'activité économique.
common-error_summary = Il y a un problème
common-error_prefix = Erreur :
common-choose = — Choisir —
common-all = Tous
common-save = Enregistrer
common-cancel = Annuler
common-back = Retour
common-edit = Modifier
common-actions = Actions
common-filter = Filtrer
common-breadcrumbs = Fil d'Ariane
common-pagination = Pages

## error.upload

error-review-state_name = Indiquez le nom de la personne (200 caractères au plus).
error-meeting-person = Choisissez parmi les personnes qui participent à la campagne.
error-evidence-title = Dites ce qu'est le document (200 caractères au plus).
error-evidence-url = Indiquez une adresse qui commence par https:// (ou http://).
error-evidence-link_or_file = Indiquez l'adresse du document ou joignez le fichier.
error-evidence-not_both = L'adresse ou le fichier, pas les deux : effacez l'adresse pour joindre le fichier.
error-activity-negative = Indiquez un nombre positif ou zéro.
error-activity-whole_number = Indiquez un nombre entier, par exemple 1250.
error-activity-women_over_people = Le nombre de femmes ne peut pas dépasser le nombre de personnes en parcours.
error-activity-exits_over_people = Les sorties ne peuvent pas dépasser le nombre de personnes en parcours.
error-activity-categories_over_exits = Les sorties par catégorie (durable, transition, positives, autres) dépassent le total des sorties.
error-upload-file_name = Le nom du fichier contient un caractère non permis (retour à la ligne, caractère nul…) ou dépasse 255 caractères : renommez le fichier, puis envoyez-le de nouveau.
error-upload-encoding = Ce fichier n'est pas un texte en UTF-8 (ligne { $n }) : enregistrez-le en UTF-8, comme les fichiers exportés de Cap, puis envoyez-le de nouveau.
error-upload-nul = Ce texte contient un caractère nul (ligne { $n }) : ce n'est pas un fichier texte.

## error.email

error-email-required = Indiquez votre adresse e-mail
error-email-invalid = Indiquez une adresse e-mail valide, par exemple prenom.nom@exemple.fr

## error.password

error-password-required = Indiquez votre mot de passe
error-password-too_short = Choisissez un mot de passe d'au moins 12 caractères
error-password-too_long = Choisissez un mot de passe de 128 caractères au plus
error-password-too_simple = Choisissez un mot de passe moins simple : une courte phrase convient bien
error-password-mismatch = Les deux mots de passe ne sont pas identiques
error-password-current_wrong = Le mot de passe actuel n'est pas le bon

## error.signin

error-signin-invalid = L'adresse e-mail ou le mot de passe est incorrect
error-signin-throttled = Trop de tentatives : réessayez dans 15 minutes, ou choisissez un nouveau mot de passe

## error.siret

error-siret-format = Un numéro SIRET compte 14 chiffres
error-siret-checksum = Ce numéro SIRET n'existe pas : vérifiez les chiffres
error-siret-taken = Ce numéro SIRET est déjà celui d'une autre structure

## error.name

error-name-required = Indiquez un nom
error-name-length = Indiquez un nom de 2 à 200 caractères

## error.display_name

error-display_name-required = Indiquez le prénom et le nom, ou seulement le prénom
error-display_name-length = Indiquez un nom de 100 caractères au plus

## error.orgtype

error-orgtype-invalid = Choisissez le type de structure

## error.role

error-role-invalid = Choisissez un rôle

## error.college

error-college-invalid = Choisissez un collège dans la liste
error-college-required = Choisissez le collège de la personne

## error.membership

error-membership-scope = Ce rôle ne s'applique pas à ce périmètre

## error.scope

error-scope-required = Choisissez où ce rôle s'applique

## error.select

error-select-invalid = Choisissez une valeur dans la liste

## error.region

error-region-code = Indiquez un code de 2 à 10 lettres ou chiffres, par exemple ARA
error-region-required = Choisissez la région
error-region-taken = Ce code ou ce nom de région existe déjà

## error.group

error-group-taken = Un groupe porte déjà ce nom

## error.postal_code

error-postal_code-format = Un code postal compte 5 chiffres

## error.address

error-address-length = L'adresse est trop longue (300 caractères au plus, 100 pour la ville)

## error.page

error-page-stale_title = Modifié entre-temps
error-page-stale = Quelqu'un a enregistré une modification de cette page depuis que vous l'avez ouverte, et rien n'a été écrasé. Revenez à la page pour voir son état actuel, puis refaites votre changement s'il est toujours utile.
error-page-stale_versions = Vous étiez sur la version { $n } ; la version enregistrée est maintenant la { $arg2 }.
error-page-back_to_page = Revenir à la page pour voir la version enregistrée
error-page-bad_upload = Le fichier envoyé n'a pas pu être lu : son nom contient peut-être un caractère non permis (caractère nul, retour à la ligne). Renommez le fichier, puis envoyez-le de nouveau.
error-page-too_large_title = Envoi trop volumineux
error-page-too_large = Ce que vous avez envoyé dépasse la taille permise sur cette page : { $n } au plus. Revenez à la page et envoyez un fichier plus petit ou un texte plus court.
error-page-bad_request_title = Demande incomplète
error-page-bad_request = La demande n'a pas pu être lue (un formulaire incomplet ou un envoi de fichier interrompu, par exemple). Revenez à la page et recommencez.
error-page-not_found_title = Page introuvable
error-page-not_found = Cette page n'existe pas, ou vous n'y avez pas accès. Vérifiez l'adresse ou revenez à l'accueil.
error-page-forbidden_title = Accès refusé
error-page-forbidden = Votre rôle ne permet pas d'ouvrir cette page. Si vous pensez que c'est une erreur, contactez l'administration de votre fédération.
error-page-cross_site_title = Demande refusée
error-page-cross_site = Cette demande ne venait pas de Cap et a été refusée par sécurité. Revenez sur la page et recommencez.
error-page-internal_title = Une erreur est survenue
error-page-internal = Rien de ce que vous avez enregistré auparavant n'est perdu. Réessayez dans un instant ; si cela recommence, signalez le numéro ci-dessous.
error-page-operation_id = Numéro de l'incident :
error-page-back_home = Revenir à l'accueil
error-page-too_slow_title = Le serveur met trop de temps à répondre
error-page-too_slow = Votre demande a été interrompue parce qu'elle prenait trop de temps. Si vous envoyiez un formulaire, vérifiez ce qui a été enregistré, puis réessayez dans un instant.
error-page-busy_title = Le serveur est très sollicité
error-page-busy = Beaucoup de documents sont en préparation en ce moment : réessayez dans un instant.
error-page-too_many_title = Trop de demandes d'un coup
error-page-too_many = Vous avez demandé beaucoup de documents en peu de temps : réessayez dans une minute.

## flash

flash-state_access_given = Accès donné : la personne a reçu le lien par e-mail.
flash-evidence_added = Preuve ajoutée.
flash-evidence_confirmed = Preuve confirmée pour cette campagne.
flash-evidence_removed = Preuve retirée.
flash-activity_saved = Chiffres d'activité enregistrés.
flash-activity_changed = Quelqu'un a enregistré d'autres chiffres entre-temps : ils sont dans le tableau ; vérifiez puis enregistrez à nouveau.
flash-readiness_added = Ajouté au plan de progrès : une action par exigence choisie.
flash-readiness_no_plan = Créez d'abord le plan de progrès, puis revenez y ajouter ces exigences.
flash-readiness_nothing = Ces exigences ont déjà leurs actions dans le plan, ou rien ne reste à y faire.
flash-voice_saved = Merci, votre avis est enregistré. Vous pouvez le changer quand vous voulez.
flash-meeting_changed = Cette séance a été modifiée entre-temps : rien n'a été annulé. Vérifiez-la avant de recommencer.
flash-meetings_exist = Le calendrier a déjà des séances : ajoutez-les une à une.
flash-meetings_proposed = Calendrier proposé : modifiez les dates, les lieux et les personnes invitées, puis prévenez-les.
flash-meeting_cancelled = Séance annulée. Les personnes invitées ont été prévenues.
flash-meeting_sent = Séance enregistrée. Les personnes invitées ont reçu l'invitation par e-mail.
flash-meeting_saved = Séance enregistrée.
flash-voter_present = La personne est de retour dans la salle.
flash-voter_absent = La personne est notée absente : ses votes restent comptés, elle n'est plus attendue.
flash-voter_admitted = La personne peut voter.
flash-suggestion_sent = Votre proposition est envoyée à la coordination.
flash-suggestion_accepted = La proposition est acceptée ; le plan est à jour.
flash-suggestion_declined = La proposition est déclinée.
flash-suggestion_already_decided = Cette proposition a déjà reçu une réponse, ou le plan a changé entre-temps : voici la liste à jour.
flash-accompaniment_planned = La préparation de la journée est enregistrée.
flash-accompaniment_concluded = La journée est conclue ; les coordinateur·rice·s ont reçu la décision par e-mail.
flash-accompaniment_concluded_no_mail = La journée est conclue, mais l'e-mail de la décision n'a pas pu partir vers les coordinateur·rice·s.
flash-share_saved = Le partage avec la délégation a été enregistré.
flash-practice_resubmitted = Votre correction est transmise à la délégation régionale.
flash-practice_shared = Merci : votre pratique est transmise à la délégation régionale, qui la relit avant de la publier.
flash-practice_deleted = Votre pratique est retirée.
flash-practice_published = Pratique publiée : tous les membres du réseau peuvent la lire.
flash-practice_rejected = Pratique non publiée : son auteur reçoit votre explication.
flash-presentation_saved = Présentation enregistrée.
flash-informed_saved = Étape de la structure mise à jour.
flash-volunteer_saved = Volontariat de la structure enregistré.
flash-feedback_sent = Merci : votre remarque est transmise à la fédération.
flash-feedback_triaged = Remarque mise à jour.
flash-feedback_status_missing = Choisissez un état.
flash-token_revoked = Jeton révoqué.
flash-attendees_saved = Participants à la formation enregistrés.
flash-comment_saved = Commentaire publié.
flash-reviewer_invited = Invitation envoyée : l'accès est ouvert pour la période choisie.
flash-reviewer_invited_no_mail = Accès ouvert, mais l'e-mail d'invitation n'a pas pu partir : prévenez la personne vous-même.
flash-reviewer_revoked = Accès retiré.
flash-thread_reopened = Discussion rouverte.
flash-thread_resolved = Discussion marquée comme résolue.
flash-training_saved = Formation enregistrée.
flash-volunteered = Vous figurez dans l'annuaire des pairs.
flash-pair_proposed = La personne est proposée comme pair : elle a reçu un courriel.
flash-pair_already = Cette personne est déjà dans l'annuaire ou proposée.
flash-pair_choose = Choisissez une personne.
flash-pair_accepted = Vous figurez dans l'annuaire des pairs. Inscrivez-vous à une formation.
flash-pair_declined = Proposition refusée : vous ne figurez pas dans l'annuaire.
flash-training_enrolled = Vous êtes inscrit·e à la formation.
flash-training_unenrolled = Vous n'êtes plus inscrit·e à cette formation.
flash-withdrawn = Vous ne figurez plus dans l'annuaire des pairs.
flash-plan_imported = Plan mis à jour depuis le classeur.
flash-targets_saved = Niveaux d'exigence enregistrés.
flash-checkpoint_saved = Point d'étape enregistré.
flash-plan_too_early = Le plan se prépare une fois la consolidation d'un pilier commencée.
flash-plan_calendar_invalid = Indiquez une date de début réelle et un horizon proposé.
flash-plan_generated = Plan proposé : acceptez, modifiez, regroupez ou écartez les actions.
flash-plan_exists = Cette campagne a déjà un plan.
flash-plan_more_proposed = Propositions ajoutées à la fin du plan pour les piliers consolidés depuis.
flash-plan_saved = Plan enregistré.
flash-plan_changed = Quelqu'un a modifié le plan entre-temps : vérifiez puis recommencez.
flash-plan_validated = Plan validé : le suivi commence.
flash-plan_select_some = Cochez au moins une action.
flash-plan_accepted = Actions acceptées.
flash-plan_discarded = Actions écartées.
flash-plan_merged = Actions regroupées en une seule.
flash-plan_merge_two = Cochez au moins deux actions à regrouper.
flash-action_saved = Action enregistrée.
flash-workshop_opened = Atelier ouvert : affichez la vue vidéoprojecteur.
flash-workshop_empty = Aucun indicateur noté sur l'échelle dans ce choix.
flash-workshop_closed = Atelier clos.
flash-workshop_recorded = Niveau retenu enregistré.
flash-workshop_choose_level = Choisissez le niveau retenu.
flash-voter_removed = La personne a été retirée de l'atelier.
flash-assignment_saved = Répartition enregistrée.
flash-campaign_invite_incomplete = Indiquez un prénom (100 caractères au plus), un collège et, si vous en donnez une, une adresse e-mail valide.
flash-reminder_sent = Le rappel est parti.
flash-reminder_failed = Le rappel n'a pas pu partir : vérifiez la configuration de l'e-mail.
flash-consolidated = Réponse partagée enregistrée.
flash-consolidation_closed = La consolidation n'est pas ouverte pour cette campagne.
flash-protect_saved = Option enregistrée.
flash-campaign_created = Campagne créée. Choisissez les piliers et ajoutez les participant·e·s.
flash-campaign_advanced = La campagne est passée à l'étape suivante.
flash-campaign_changed = La campagne a été modifiée entre-temps : rien n'a été changé, vérifiez puis recommencez.
flash-campaign_needs_participants = Ajoutez au moins un·e participant·e avant d'ouvrir les réponses.
flash-participant_added = Participant·e ajouté·e.
flash-participant_already = Cette personne participe déjà.
flash-participant_incomplete = Choisissez la personne et son collège.
flash-participant_not_member = Cette personne n'est pas membre de la structure : invitez-la d'abord.
flash-scope_saved = Piliers enregistrés.
flash-scope_refused = Choisissez au moins un pilier ; une fois les réponses ouvertes, on ne peut qu'en ajouter, jusqu'à la fin de la consolidation.
flash-answers_saved = Réponses enregistrées.
flash-answers_closed = Les réponses sont fermées pour cette campagne.
flash-pillar_closed = Les réponses sont fermées pour ces questions : leur pilier est passé à la consolidation. Les autres piliers restent ouverts.
flash-pillar_moved = Le pilier est passé à l'étape suivante.
flash-pillar_refused = Ce pilier a déjà changé d'étape, ou la campagne n'en est plus là. Voici où il en est.
flash-referential_imported = Référentiel importé.
flash-offers_imported = Offre de services importée.
flash-offer_saved = Offre enregistrée.
flash-cannot_erase_self = Vous ne pouvez pas effacer votre propre compte : demandez-le à un·e autre administrateur·rice.
flash-user_erased = La personne a été effacée : son nom et son adresse ont disparu, ses contributions restent anonymes.
flash-signed_out = Vous êtes déconnecté·e.
flash-password_reset = Votre mot de passe a été changé. Connectez-vous avec le nouveau.
flash-password_changed = Votre mot de passe a été changé. Vos autres sessions ont été fermées.
flash-welcome = Bienvenue dans Cap ! Votre compte est prêt.
flash-invitation_accepted = Invitation acceptée. Connectez-vous pour continuer.
flash-setup_done = Votre compte d'administration est créé. Commencez par les régions et les structures.
flash-region_created = Région ajoutée.
flash-region_updated = Région enregistrée.
flash-group_created = Groupe ajouté.
flash-organisation_created = Structure ajoutée.
flash-organisation_updated = Structure enregistrée.
flash-member_removed = La personne a été retirée de la structure.
flash-role_removed = Le rôle a été retiré.
flash-last_admin = Impossible : il doit rester au moins un·e administrateur·rice de la fédération.

## auth

auth-email = Adresse e-mail
auth-password = Mot de passe
auth-new_password = Nouveau mot de passe
auth-password_hint = Au moins 12 caractères. Une courte phrase facile à retenir convient bien.
auth-confirmation = Confirmez le mot de passe
auth-display_name = Nom
auth-display_name_hint = Le prénom seul suffit.
auth-back_to_sign_in = Revenir à la connexion

## auth.sign_in

auth-sign_in-title = Se connecter
auth-sign_in-submit = Se connecter
auth-sign_in-forgot = Mot de passe oublié ?
auth-sign_in-no_account = Pas encore de compte ? Cap fonctionne sur invitation : demandez-la au ou à la référent·e Cap de votre structure.

## auth.forgot

auth-forgot-title = Mot de passe oublié
auth-forgot-intro = Indiquez l'adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.
auth-forgot-submit = Recevoir le lien
auth-forgot-sent = Si un compte existe pour { $n }, un e-mail vient de partir avec un lien valable une heure. Pensez à regarder dans les indésirables.

## auth.reset

auth-reset-title = Choisir un nouveau mot de passe
auth-reset-for = Pour le compte { $n }
auth-reset-submit = Enregistrer le mot de passe

## auth.link_invalid

auth-link_invalid-title = Ce lien ne fonctionne plus
auth-link_invalid-body = Le lien a déjà servi ou a expiré. Demandez-en un nouveau : à la personne qui vous a invité·e, ou avec « Mot de passe oublié ».

## auth.invitation

auth-invitation-title = Rejoindre Cap
auth-invitation-role = Votre rôle
auth-invitation-invited_by = Invitation de
auth-invitation-existing_account = Vous avez déjà un compte Cap avec cette adresse : acceptez, puis connectez-vous.
auth-invitation-create_account = Choisissez votre nom et un mot de passe pour créer votre compte.
auth-invitation-accept = Accepter l'invitation

## auth.setup

auth-setup-title = Créer le compte d'administration
auth-setup-intro = Cap vient d'être installé. Ce compte administre la fédération : régions, structures, comptes. Ce lien ne sert qu'une fois.
auth-setup-submit = Créer le compte

## account

account-privacy = Mes données
account-export_hint = Téléchargez tout ce que Cap conserve sur vous (compte, rôles, actions), dans un fichier JSON.
account-export = Télécharger mes données
account-title = Mon compte
account-roles = Mes rôles
account-no_roles = Aucun rôle pour l'instant.
account-change_password = Changer de mot de passe
account-current_password = Mot de passe actuel
account-change_password_submit = Changer le mot de passe

## home

home-to_answer = À répondre
home-answered_of = Réponses données : { $n } sur { $arg2 }
home-answer_by = à rendre avant le
home-start_answering = Commencer à répondre
home-resume_answering = Reprendre mes réponses
home-review_answers = Revoir mes réponses
home-day_of_campaign = Journée d'accompagnement de « { $n } »
home-suggestions = Vos propositions — acceptées : { $n } · déclinées : { $arg2 } · en attente : { $arg3 }
home-accompanying = Mes accompagnements
home-day_held = Journée d'accompagnement du
home-day_to_record = Préparer ou consigner la journée d'accompagnement
home-threads_waiting = Fils de discussion qui attendent votre réponse : { $n }
home-practices_waiting =
    { $n ->
        [one] { $n } bonne pratique à relire
       *[other] { $n } bonnes pratiques à relire
    }
home-reviewing = Auto-évaluations à relire comme pair
home-reviewing_until = Accès jusqu'au
home-title = Accueil
home-hello = Bonjour { $n }
home-admin_title = Administration de la fédération
home-admin_intro = Régions, structures adhérentes, groupes, comptes et journal des modifications.
home-admin_link = Ouvrir l'administration
home-my_regions = Mes délégations régionales
home-my_groups = Mes groupes
home-my_organisations = Mes structures
home-no_organisation = Vous n'êtes rattaché·e à aucune structure pour l'instant.

## org

org-contacts = Contacts de la structure
org-invite_first = Inviter son premier coordinateur ou sa première coordinatrice
org-follow_hint = Vous voyez où en est sa démarche. Ses réponses et ses résultats restent à la structure, sauf si elle partage une campagne avec la délégation ou vous invite comme tiers.
org-shared_tag = Partagée avec la délégation
org-not_openable = Résultats non partagés
org-name = Nom de la structure
org-type = Type de structure
org-region = Région
org-group = Groupe (GES)
org-group_hint = Si la structure fait partie d'un groupe économique solidaire.
org-no_group = Aucun groupe
org-siret = SIRET (facultatif)
org-siret_hint = 14 chiffres, espaces permis.
org-address = Adresse
org-postal_code = Code postal
org-city = Ville
org-members = Membres
org-no_members = Personne n'est encore rattaché à cette structure.
org-role = Rôle
org-college = Collège
org-college_hint = Le point de vue d'où la personne s'exprime. Obligatoire pour un·e participant·e.
org-remove = Retirer
org-remove_confirm = Retirer ce rôle ? La personne n'aura plus accès à cette partie de Cap.
org-invite_member = Inviter une personne
org-invite_title = Inviter une personne
org-invite_intro = La personne reçoit un e-mail avec un lien personnel, valable 14 jours.
org-invite_name_hint = Le prénom seul suffit, par exemple pour un·e salarié·e en parcours.
org-invite_submit = Envoyer l'invitation
org-invitation_sent_title = Invitation envoyée
org-invitation_sent = L'invitation est partie vers { $n }.
org-invitation_not_mailed = L'e-mail n'a pas pu partir vers { $n }. Transmettez-lui ce lien personnel d'une autre façon :
org-none = Aucune structure.
org-list_caption = Structures

## orgtype

orgtype-AI = Association intermédiaire
orgtype-ACI = Atelier et chantier d'insertion
orgtype-EI = Entreprise d'insertion
orgtype-ETTI = Entreprise de travail temporaire d'insertion
orgtype-EITI = Entreprise d'insertion par le travail indépendant
orgtype-GEIQ = Groupement d'employeurs pour l'insertion et la qualification
orgtype-SAP = Services à la personne
orgtype-OTHER = Autre structure

## role

role-federation_admin = Administrateur·rice de la fédération
role-regional_delegate = Délégué·e régional·e
role-coordinator = Référent·e Cap (coordination)
role-participant = Participant·e
role-group_lead = Responsable de groupe (GES)

## college

college-direction = Direction
college-permanent_staff = Salarié·e permanent·e
college-board_member = Administrateur·rice
college-volunteer = Bénévole
college-insertion_employee = Salarié·e en parcours d'insertion

## admin

admin-referentials = Référentiels
admin-services = Offre de services
admin-erase = Effacer
admin-erase_confirm = Effacer définitivement cette personne ? Son nom et son adresse disparaîtront ; ses contributions resteront, anonymes. Cette action est irréversible.
admin-title = Administration
admin-organisations = Structures
admin-regions = Régions
admin-groups = Groupes (GES)
admin-users = Comptes
admin-audit = Journal des modifications
admin-audit_hint = Qui a fait quoi, et quand.
admin-no_regions = Aucune région pour l'instant.
admin-add_region = Ajouter une région
admin-edit_region = Modifier la région
admin-groups_intro = Un groupe économique solidaire (GES) réunit plusieurs structures.
admin-no_groups = Aucun groupe pour l'instant.
admin-add_group = Ajouter un groupe
admin-add_organisation = Ajouter une structure
admin-edit_organisation = Modifier la structure
admin-search = Nom ou ville
admin-stale_title = Quelqu'un a modifié cette structure pendant que vous la modifiiez.
admin-stale_body = Rien n'a été écrasé. Voici ce qui est enregistré maintenant ; vos saisies sont conservées dans le formulaire. Enregistrez de nouveau pour les appliquer.
admin-invite = Inviter une personne
admin-invite_intro = Choisissez le rôle, puis la structure, la région ou le groupe où il s'applique.
admin-role_hint = Structure pour un·e référent·e ou un·e participant·e ; région pour un·e délégué·e ; groupe pour un·e responsable de groupe.
admin-for_organisation = Structure
admin-for_organisation_hint = Pour un·e référent·e Cap ou un·e participant·e.
admin-for_region = Région
admin-for_region_hint = Pour un·e délégué·e régional·e.
admin-for_group = Groupe
admin-for_group_hint = Pour un·e responsable de groupe.
admin-roles = Rôles
admin-pending = invitation en attente

## region

region-code = Code
region-code_hint = Court et unique, par exemple ARA ou HDF.
region-name = Nom
region-delegation = Délégation régionale
region-organisation_count =
    { $n ->
        [one] { $n } structure
       *[other] { $n } structures
    }

## group

group-side_by_side = Les structures côte à côte
group-side_by_side_intro = Le dernier score de chaque structure du groupe par thème et objectif, et la moyenne du groupe : repérez où une structure peut aider les autres.
group-mean = Moyenne du groupe
group-name = Nom du groupe
group-kind = Groupe économique solidaire
group-sources_title = D'où viennent les chiffres
group-source = campagne « { $n } », résultats arrêtés le { $arg2 }
group-source_in_progress = campagne « { $n } », en cours de consolidation : chiffres provisoires
group-source_other_version = sa dernière campagne suit une autre version du référentiel : elle n'est pas mise en regard ici
group-source_none = pas de campagne consolidée partagée avec le réseau pour l'instant
group-radars_title = Chaque structure face au groupe
group-radars_intro = Un radar par structure : ses scores par thème, et en pointillés la moyenne du groupe.
group-radar_title = { $n } face à la moyenne du groupe
group-radar_figure = { $n } : { $arg2 } (groupe : { $arg3 })
group-divergences_title = Là où les structures diffèrent le plus
group-divergences_intro = Les objectifs où l'écart entre la structure la plus basse et la plus haute est le plus grand : de bons sujets pour partager des pratiques.
group-divergences_none = Les structures ont des scores proches sur chaque objectif.
group-divergence = { $n } : { $arg2 } pour { $arg3 }, { $arg4 } pour { $arg5 } (écart de { $arg6 } points)

## audit

audit-empty = Aucune modification enregistrée.
audit-when = Quand
audit-who = Qui
audit-action = Action
audit-what = Sur quoi
audit-address = Adresse IP
audit-older = Entrées plus anciennes
audit-filters = Filtrer le journal
audit-organisation = Structure (partie du nom)
audit-person = Personne (partie de l'adresse e-mail)
audit-kind = Type d'action
audit-every_kind = Tous les types
audit-from = Du
audit-until = Au (inclus)
audit-filter = Filtrer
audit-clear = Tout afficher
audit-none_matching = Aucune entrée ne correspond à ces filtres.

## refcheck

refcheck-easy_read_not_indicator = { $n } n'est pas un indicateur : seul un indicateur peut avoir un énoncé facile à lire (easy_read)
refcheck-syntax = Le fichier n'est pas un TOML valide : { $n }
refcheck-kind_unknown = Le nœud { $n } a un type inconnu « { $arg2 } » : pillar, general_objective, operational_objective ou indicator
refcheck-answer_unknown = L'indicateur { $n } a un type de réponse inconnu « { $arg2 } » : level, yes_no, number ou text
refcheck-orgtype_unknown = Le nœud { $n } vise un type de structure inconnu « { $arg2 } » : AI, ACI, EI, ETTI, EITI, GEIQ, SAP ou OTHER
refcheck-relation_unknown = La correspondance du nœud { $n } a une relation inconnue « { $arg2 } » : equal, subset, superset ou intersect
refcheck-change_unknown = Le changement de code { $n } est d'un genre inconnu « { $arg2 } » : renamed, split, merged ou removed
refcheck-offer_kind_unknown = L'offre { $n } a un genre inconnu « { $arg2 } » : formation, outil ou accompagnement
refcheck-header_missing = Le champ « { $n } » manque dans [referential]
refcheck-code_invalid = Le code « { $n } » ne doit contenir que des lettres, chiffres, points, tirets et soulignés
refcheck-scale_too_short = L'échelle doit compter au moins deux niveaux
refcheck-level_order = Les niveaux de l'échelle doivent aller en croissant : le niveau { $n } ne vient pas après le précédent
refcheck-level_label_missing = Le niveau { $n } de l'échelle n'a pas de libellé
refcheck-default_target_outside = Le niveau d'exigence par défaut { $n } n'est pas un niveau de l'échelle
refcheck-node_code_invalid = Le code « { $n } » ne doit contenir que des lettres, chiffres, points, tirets et soulignés
refcheck-duplicate_code = Le code { $n } est déjà utilisé (ligne { $arg2 })
refcheck-pillar_with_parent = Le pilier { $n } ne doit pas avoir de parent
refcheck-parent_required = Le nœud { $n } doit indiquer son parent
refcheck-parent_after = Le nœud { $n } doit venir après son parent { $arg2 }
refcheck-parent_missing = Le nœud { $n } a pour parent { $arg2 }, qui n'existe pas
refcheck-parent_kind = Le nœud { $n } ne peut pas être rangé sous { $arg2 } : le parent doit être d'un niveau supérieur
refcheck-title_missing = { $n } n'a pas de titre
refcheck-statement_missing = L'indicateur { $n } n'a pas d'énoncé
refcheck-number_fields = { $n } : unit, min et max ne servent qu'aux indicateurs de réponse « number »
refcheck-bounds_reversed = { $n } : min doit être inférieur ou égal à max
refcheck-weight_invalid = { $n } : le poids doit être un entier supérieur ou égal à 1
refcheck-target_not_level = { $n } : un niveau d'exigence ne s'applique qu'aux indicateurs notés sur l'échelle
refcheck-target_outside = { $n } : le niveau d'exigence { $arg2 } n'est pas un niveau de l'échelle
refcheck-service_unknown = { $n } renvoie à l'offre de services { $arg2 }, qui n'existe pas
refcheck-mapping_self = { $n } : une correspondance doit viser un autre référentiel
refcheck-mapping_referential_unknown = { $n } renvoie au référentiel { $arg2 }, qui n'est pas chargé
refcheck-mapping_node_unknown = { $n } renvoie au nœud { $arg2 } { $arg3 }, qui n'existe pas
refcheck-code_map_without_previous = La table de correspondance des codes ({ $n }) demande « previous » dans [referential]
refcheck-code_map_old_unknown = Le code { $n } n'existe pas dans la version précédente
refcheck-code_map_new_unknown = Le code { $n } devient { $arg2 }, qui n'existe pas dans cette version
refcheck-code_map_change = Le code { $n } : le changement « { $arg2 } » ne correspond pas au nombre de nouveaux codes
refcheck-description_missing = L'offre { $n } n'a pas de description
refcheck-version_exists = La version { $n } { $arg2 } est déjà importée : une version ne change plus, publiez-en une nouvelle

## referential.kind

referential-kind-pillar = Pilier
referential-kind-general_objective = Objectif général
referential-kind-operational_objective = Objectif opérationnel
referential-kind-indicator = Indicateur

## referential.answer

referential-answer-level = Niveau sur l'échelle
referential-answer-yes_no = Oui ou non
referential-answer-number = Nombre
referential-answer-text = Texte libre

## offer.kind

offer-kind-formation = Formation
offer-kind-outil = Outil
offer-kind-accompagnement = Accompagnement

## error.offer

error-offer-code = Indiquez un code court fait de lettres, chiffres, points et tirets, par exemple F-PROJET
error-offer-kind = Choisissez le genre de l'offre
error-offer-description = Décrivez l'offre en quelques lignes
error-offer-taken = Une offre porte déjà ce code

## referential

referential-easy_read = En mots simples
referential-list_title = Référentiels
referential-list_intro = Les référentiels décrivent ce sur quoi une structure s'auto-évalue. Chaque version est figée dès qu'une campagne l'utilise.
referential-none = Aucun référentiel chargé.
referential-version = version { $n }
referential-indicator_count =
    { $n ->
        [one] { $n } indicateur
       *[other] { $n } indicateurs
    }
referential-builtin = Exemple fourni avec Cap
referential-builtin_notice = Ce référentiel est un exemple écrit pour Cap. Votre fédération le remplace par sa version officielle.
referential-frozen = Figé : utilisé par une campagne
referential-scale = Échelle de notation
referential-not_applicable = Non concerné
referential-not_applicable_hint = La pratique ne s'applique pas à la structure ; ne compte pas dans les résultats.
referential-unknown = Je ne sais pas
referential-unknown_hint = La personne n'a pas l'information ; ne compte pas dans les résultats.
referential-search = Rechercher
referential-search_label = Rechercher dans le référentiel
referential-search_hint = Un mot de l'énoncé, des méthodes indicatives ou un code.
referential-search_submit = Rechercher
referential-all_types = Tous les types de structure
referential-results =
    { $n ->
        [one] { $n } indicateur trouvé
       *[other] { $n } indicateurs trouvés
    }
referential-no_results = Aucun indicateur ne correspond. Essayez un autre mot.
referential-back_to_tree = Revenir à l'arborescence
referential-tree = Arborescence
referential-answer_type = Type de réponse
referential-applies_to = S'applique à
referential-weight = Poids
referential-target = Niveau d'exigence recommandé
referential-guidance = Méthodes et moyens indicatifs
referential-evidence = Exemples de preuves
referential-children = Contenu
referential-services = Offre de services liée
referential-contact = Contact :
referential-mappings = Correspondances
referential-mapping_node = Nœud
referential-relation = Ce nœud…
referential-rationale = Pourquoi
referential-import_title = Importer un référentiel
referential-import_intro = Envoyez un fichier de référentiel (ou d'offre de services) au format décrit dans la documentation. Tout est vérifié avant d'écrire quoi que ce soit.
referential-import_file = Fichier TOML
referential-import_file_hint = Un fichier .toml, 4 Mo au plus.
referential-import_text = Ou collez son contenu
referential-import_text_hint = Utilisé si aucun fichier n'est choisi ; conservé si le fichier a des problèmes.
referential-import_submit = Vérifier et importer
referential-import_report =
    { $n ->
        [one] { $n } problème à corriger
       *[other] { $n } problèmes à corriger
    }
referential-import_report_caption = Problèmes trouvés, par ligne
referential-import_nothing_written = Rien n'a été importé. Corrigez ces points puis envoyez le fichier de nouveau.
referential-import_empty = Choisissez un fichier ou collez son contenu.
referential-import_exists = Cette version est déjà importée : une version ne change plus, publiez-en une nouvelle.
referential-line = Ligne
referential-problem = Problème
referential-code = Code
referential-node = Nœud
referential-diff_title = Comparer deux versions
referential-diff_from = Version d'origine
referential-diff_to = Nouvelle version
referential-diff_submit = Comparer
referential-diff_counts = Ajoutés : { $n } ; retirés : { $arg2 } ; modifiés : { $arg3 }.
referential-diff_scale = L'échelle a changé.
referential-diff_none = Aucune différence.
referential-diff_change = Changement
referential-diff_detail = Détail
referential-diff_added = Ajouté
referential-diff_removed = Retiré
referential-diff_changed = Modifié
referential-diff_now = devient { $n }

## offer

offer-title = Offre de services
offer-intro = Formations, outils et accompagnements de la fédération, proposés en face des objectifs et des indicateurs.
offer-none = Aucune offre pour l'instant.
offer-add = Ajouter une offre
offer-edit = Modifier l'offre
offer-kind_label = Genre
offer-title_label = Intitulé
offer-title_en = Intitulé en anglais (facultatif)
offer-description = Description
offer-contact = Contact (facultatif)
offer-region = Portée
offer-region_hint = Nationale, ou réservée à une région.
offer-national = Nationale
offer-code_hint = Court et stable : les référentiels y renvoient. Il ne change plus ensuite.
offer-stale_title = Quelqu'un a modifié cette offre pendant que vous la modifiiez.

## referential.relation_label

referential-relation_label-equal = est équivalent à
referential-relation_label-subset = est inclus dans
referential-relation_label-superset = englobe
referential-relation_label-intersect = recoupe

## error.answer

error-answer-level = Choisissez un des niveaux proposés
error-answer-yes_no = Répondez oui ou non
error-answer-number = Indiquez un nombre, par exemple 12 ou 12,5
error-answer-number_bounds = Ce nombre sort des limites prévues pour cet indicateur
error-answer-text_length = Votre réponse est trop longue (4 000 caractères au plus)

## pillar_step

pillar_step-answering = En réponses
pillar_step-consolidation = En consolidation
pillar_step-consolidated = Consolidé

## activity

activity-title = Chiffres d'activité
activity-intro = Les chiffres de l'année pour le dialogue de gestion avec les services de l'État : personnes en parcours, heures, sorties par catégorie. Vous saisissez les nombres une fois ; les taux sont calculés à partir d'eux.
activity-none_yet = Aucun chiffre saisi pour cette campagne.
activity-caption = Chiffres d'activité et taux calculés
activity-figure = Chiffre
activity-unit = Unité
activity-total = Total du réseau
activity-rates_hint = Les taux de sortie sont calculés sur le nombre de sorties ; la part des femmes sur le nombre de personnes en parcours.
activity-form_title = Saisir les chiffres de l'année
activity-save = Enregistrer les chiffres
activity-people = Personnes salariées en parcours sur l'année
activity-women = Dont femmes
activity-hours_worked = Heures travaillées par les personnes en parcours
activity-training_hours = Heures de formation suivies
activity-exits = Sorties de parcours sur l'année
activity-exits_hint = Toutes les personnes sorties de leur parcours dans l'année, quelle que soit la suite.
activity-durable = Dont sorties vers l'emploi durable
activity-durable_hint = Contrat à durée indéterminée, contrat à durée déterminée ou intérim de six mois et plus, création d'entreprise.
activity-transition = Dont sorties vers l'emploi de transition
activity-transition_hint = Contrat à durée déterminée ou intérim de moins de six mois, contrat aidé hors insertion.
activity-positive = Dont sorties positives
activity-positive_hint = Formation qualifiante, embauche dans une autre structure d'insertion, autre sortie reconnue positive.
activity-other = Dont autres sorties
activity-unit_people = personnes
activity-unit_hours = heures
activity-unit_exits = sorties
activity-rate_women = Part des femmes
activity-rate_durable = Taux de sorties vers l'emploi durable
activity-rate_transition = Taux de sorties vers l'emploi de transition
activity-rate_positive = Taux de sorties positives
activity-rate_dynamic = Taux de sorties dynamiques
activity-link = Chiffres d'activité
activity-network_title = Chiffres d'activité du réseau
activity-network_intro = Totaux des derniers chiffres saisis par { $n } structures ; les taux sont calculés sur les totaux.

## ess

ess-title = Présentation à l'assemblée générale : le guide des bonnes pratiques de l'ESS
ess-generated_on = Préparé le { $n } à partir de l'auto-évaluation Cap
ess-intro = Ce document reprend, pour chacun des huit thèmes du guide des bonnes pratiques des entreprises de l'économie sociale et solidaire, ce que notre structure fait (les réponses partagées de notre auto-évaluation et leurs raisons) et nos objectifs de progrès (les actions de notre plan). Le conseil d'administration peut le modifier avant l'assemblée générale.
ess-status = Où en sommes-nous
ess-questions = Les questions du guide
ess-practice = Ce que nous faisons
ess-objectives = Nos objectifs de progrès
ess-nothing = Rien pour l'instant.
ess-no_objective = Aucune action du plan ne porte encore sur ce thème.
ess-due = échéance
ess-link = Présentation à l'assemblée générale (guide ESS)
ess-link_source = version modifiable

## evidence

evidence-title_section = Preuves
evidence-none = Aucune preuve pour l'instant : un procès-verbal, une procédure, un plan de formation… montrent la pratique.
evidence-add_title = Ajouter une preuve
evidence-intro = Indiquez où le document est rangé (espace partagé, site), ou joignez-le : Cap le garde avec la réponse. La preuve suit la réponse partagée dans la page « Prêt pour la certification ? » et passe à la campagne suivante, où il suffira de la confirmer.
evidence-title = Ce que c'est
evidence-title_hint = Par exemple : Procès-verbal du conseil d'administration du 12 mars 2026.
evidence-url = Adresse du document
evidence-url_hint = Elle commence par https:// (ou http://).
evidence-where = Où trouver le document : son adresse, ou le fichier lui-même
evidence-file = Ou le fichier
evidence-file_hint = 5 Mo au plus : PDF, image (PNG, JPEG), Word, Excel, PowerPoint, OpenDocument, texte ou CSV.
evidence-file_dropped = Pour votre sécurité, le navigateur ne garde pas le fichier choisi : choisissez-le à nouveau avant d'envoyer.
evidence-add = Ajouter la preuve
evidence-to_review = Reprise de la campagne précédente : toujours valable ?
evidence-confirm = Oui, toujours valable
evidence-remove = Retirer
evidence-on_clause = Preuves
evidence-to_review_short = à confirmer

## campaign.status

campaign-status-preparation = Préparation
campaign-status-self_assessment = Auto-évaluation
campaign-status-consolidation = Consolidation
campaign-status-review = Revue
campaign-status-plan_validated = Plan validé
campaign-status-follow_up = Suivi
campaign-status-closed = Clôturée

## error.date

error-date-invalid = Indiquez une date qui existe, par exemple 10/12/2026 ou 10 décembre 2026
error-date-order = Indiquez une date postérieure à l'étape précédente

## campaign

campaign-share_title = Partage avec la délégation régionale
campaign-share_intro = Par défaut, seules les personnes de la structure qui participent et les relecteur·rice·s que vous invitez lisent les résultats. Si vous partagez cette campagne, les délégué·e·s de votre région pourront lire sa photographie, son plan et ses rapports, sans rien modifier. Vous pouvez retirer ce partage à tout moment ; chaque lecture est inscrite au journal.
campaign-share_on = Partager les résultats avec la délégation régionale
campaign-share_save = Enregistrer le partage
campaign-shared_now = Cette campagne est partagée avec la délégation régionale.
campaign-assigned = répartition
campaign-assign = Répartir
campaign-assignment_title = Répartition
campaign-assignment_for = Ce que { $n } évalue
campaign-assignment_intro = Cochez des piliers, des objectifs ou des indicateurs : la personne répondra à ce qu'ils contiennent. Sans case cochée, elle répond à tout.
campaign-assignment_legend = Parties du référentiel confiées
campaign-link_title = Lien personnel créé
campaign-link_qr_alt = Code QR du lien personnel de { $n } : à scanner avec l'appareil photo de son téléphone
campaign-link_mailed = { $n } a reçu son lien personnel à l'adresse { $arg2 }.
campaign-link_hand_over = Donnez ce lien personnel à { $n } (imprimé, par SMS…) : il ouvre la campagne sans mot de passe.
campaign-link_hint = Ce lien ouvre cette campagne seulement, pendant six mois. Ne le communiquez qu'à la personne concernée.
campaign-newcomer = Ajouter une nouvelle personne
campaign-newcomer_intro = Un prénom et un collège suffisent. La personne reçoit un lien personnel, sans mot de passe à créer.
campaign-email_optional = Adresse e-mail (facultatif)
campaign-email_hint = Sans adresse, vous lui remettrez le lien vous-même.
campaign-newcomer_submit = Ajouter et créer son lien
campaign-personal_link_notice = Vous êtes entré·e par votre lien personnel : vous voyez cette campagne seulement.
campaign-full_account = Créer un compte complet avec un mot de passe
campaign-late = en retard
campaign-remind = Relancer par e-mail
campaign-dashboard = Tableau de bord
campaign-untouched =
    { $n ->
        [one] { $n } indicateur sans aucune réponse sur { $arg2 }.
       *[other] { $n } indicateurs sans aucune réponse sur { $arg2 }.
    }
campaign-most_divergent = Où les points de vue divergent le plus
campaign-list_title = Campagnes d'auto-évaluation
campaign-none = Aucune campagne pour l'instant.
campaign-not_shared = { $n ->
    [one] Une campagne de cette structure ne vous est pas partagée : elle reste à la structure, qui décide qui la lit.
   *[other] { $n } campagnes de cette structure ne vous sont pas partagées : elles restent à la structure, qui décide qui les lit.
}
campaign-new_title = Nouvelle campagne
campaign-new_intro = Choisissez le référentiel et le calendrier. Vous choisirez ensuite les piliers et les participant·e·s.
campaign-default_title = Auto-évaluation
campaign-title = Titre
campaign-referential = Référentiel
campaign-referential_hint = La version choisie sera figée dès l'ouverture des réponses.
campaign-answering_from = Ouverture des réponses
campaign-consolidation_on = Consolidation
campaign-restitution_on = Restitution
campaign-date_hint = Facultatif. Par exemple 10/12/2026 ou 10 décembre 2026.
campaign-create = Créer la campagne
campaign-steps = Étapes
campaign-step_done = terminée
campaign-indicators = Indicateurs à évaluer
campaign-my_progress = Mes réponses
campaign-progress =
    { $n ->
        [one] { $n } réponse sur { $arg2 }
       *[other] { $n } réponses sur { $arg2 }
    }
campaign-scope = Piliers évalués
campaign-scope_legend = Piliers à évaluer
campaign-scope_hint = Vous pouvez commencer par un pilier et ajouter les autres plus tard.
campaign-scope_hint_open = Les réponses sont ouvertes : vous pouvez ajouter des piliers, pas en retirer, jusqu'à la fin de la consolidation. Un pilier ajouté s'ouvre aux réponses.
campaign-pillar_step = Étape
campaign-pillar_consolidate = Passer « { $n } » en consolidation
campaign-pillar_close = Terminer la consolidation de « { $n } »
campaign-pillar_consolidate_confirm = Les réponses individuelles de ce pilier seront figées ; les autres piliers restent ouverts. Continuer ?
campaign-pillar_close_confirm = Les réponses partagées de ce pilier seront définitives et ses résultats ne seront plus provisoires. Continuer ?
campaign-scope_save = Enregistrer les piliers
campaign-my_answers = Mes réponses
campaign-participants = Participant·e·s
campaign-no_participants = Personne n'a encore été ajouté.
campaign-answered = Réponses
campaign-add_participant = Ajouter un·e participant·e
campaign-member = Membre de la structure
campaign-member_hint = Les personnes déjà invitées dans la structure.
campaign-invite_hint = Inviter une nouvelle personne dans la structure
campaign-next_step = Étape suivante
campaign-advance_hint = Passer à l'étape suivante ne se défait pas : à l'ouverture des réponses, le référentiel est figé ; à la consolidation, les réponses individuelles sont figées.
campaign-advance_confirm = Passer à l'étape suivante ? Ce changement ne se défait pas.
campaign-advance_to = Passer à : { $n }
campaign-start_answering = Commencer à répondre
campaign-continue_answering = Reprendre mes réponses

## answer

answer-easy_read = Dire plus simplement
answer-hide_levels = Masquer le détail des niveaux
answer-show_levels = Voir le détail des niveaux
answer-next_open = Question sans réponse suivante
answer-pillar_progress =
    { $n ->
        [one] { $n } réponse sur { $arg2 } dans ce pilier · { $arg3 } sur { $arg4 } en tout
       *[other] { $n } réponses sur { $arg2 } dans ce pilier · { $arg3 } sur { $arg4 } en tout
    }
answer-pillar_page = Pilier « { $n } » · page { $arg2 } sur { $arg3 }
answer-decided_in_workshop = Décidé en atelier : { $n }. Vous n'avez pas à répondre ; vous pouvez tout de même donner votre point de vue.
answer-none = Pas de réponse
answer-yes = Oui
answer-no = Non
answer-page_of = Page { $n } sur { $arg2 }
answer-how_to = Comment évaluer ?
answer-figure = Votre chiffre
answer-text = Votre réponse
answer-comment = Commentaire (facultatif)
answer-saved_at = Enregistré le { $n }
answer-conflict = Cette réponse a été modifiée ailleurs (un autre onglet ou un autre appareil) : « { $n } » est enregistré. Votre choix n'a pas été enregistré ; choisissez de nouveau pour le remplacer.
answer-conflict_short = modifiée ailleurs, rien n'a été écrasé
answer-save_next = Enregistrer et continuer
answer-save_finish = Enregistrer et terminer
answer-previous = ‹ Précédente
answer-next = Suivante ›

## error.consolidation

error-consolidation-value_required = Choisissez la réponse partagée de la structure
error-consolidation-rationale_required = Indiquez en quelques mots pourquoi la réponse partagée s'écarte du niveau proposé

## consolidation

consolidation-someone = Une personne
consolidation-protected_hint = Collèges de moins de trois personnes : leurs réponses sont regroupées, ou comptées seulement dans le total, et leurs commentaires ne sont attribués à personne.
consolidation-title = Consolidation
consolidation-intro = Pour chaque indicateur : la répartition des réponses individuelles, l'écart entre la plus haute et la plus basse, et le niveau proposé (la médiane). Les indicateurs où les points de vue divergent le plus viennent en premier.
consolidation-not_open = La consolidation s'ouvre pilier par pilier, depuis la page de la campagne ; les réponses individuelles du pilier sont alors figées.
consolidation-to_come = Encore en réponses, à consolider plus tard : { $n }.
consolidation-decided =
    { $n ->
        [one] { $n } indicateur décidé sur { $arg2 }
       *[other] { $n } indicateurs décidés sur { $arg2 }
    }
consolidation-order_divergence = Trier par divergence
consolidation-order_tree = Trier dans l'ordre du référentiel
consolidation-caption = Réponses individuelles et réponse partagée, par indicateur
consolidation-na_short = NC
consolidation-missing = Sans réponse
consolidation-spread = Écart
consolidation-proposal = Proposition
consolidation-shared = Réponse partagée
consolidation-to_decide = à décider
consolidation-answers = Réponses individuelles
consolidation-who = Qui
consolidation-everyone = Tout le monde
consolidation-other_colleges = Autres collèges réunis
consolidation-protected = Les collèges de moins de trois personnes sont réunis ou masqués, pour que chacun·e puisse s'exprimer librement.
consolidation-comments = Commentaires
consolidation-decision = Réponse partagée de la structure
consolidation-rationale = Pourquoi (obligatoire si vous vous écartez de la proposition)
consolidation-rationale_hint = Quelques mots issus de l'échange suffisent.
consolidation-save = Enregistrer la réponse partagée
consolidation-conflict = Quelqu'un a enregistré une autre réponse partagée entre-temps : « { $n } ». Rien n'a été écrasé ; enregistrez de nouveau pour la remplacer.
consolidation-protect_label = Ne montrer les réponses par collège que pour les collèges d'au moins trois personnes

## error.workshop

error-workshop-seat_tries = Trop d'essais pour ce prénom : demandez votre place à la personne qui anime, elle la voit sur son écran.
error-workshop-seat = Le code de place compte 3 lettres ou chiffres
error-workshop-seat_unknown = Ce code ne correspond à aucune place de ce prénom : vérifiez-le, ou rejoignez comme nouvelle personne
error-workshop-closed = Cet atelier est terminé : il ne reçoit plus de votes
error-workshop-code = Le code compte 6 lettres et chiffres, comme affiché au mur
error-workshop-unknown = Aucun atelier ouvert avec ce code : vérifiez-le au mur
error-workshop-first_name = Indiquez votre prénom

## workshop

workshop-absent_help = Absent·e : ne plus attendre son vote ; ses votes déjà donnés restent comptés. Retirer : une erreur ou un doublon ; ses votes ne comptent plus.
workshop-mark_present = De retour
workshop-mark_absent = Noter absent·e
workshop-absent = absent·e
workshop-rejoin_title = Êtes-vous déjà dans la salle ?
workshop-rejoin_intro = Une personne prénommée { $n } ({ $arg2 }) a déjà rejoint cet atelier. Si c'est vous et que votre téléphone a oublié l'atelier, indiquez le code de votre place : vous retrouvez vos votes.
workshop-seat = Code de votre place
workshop-seat_hint = Trois lettres ou chiffres, affichés sur votre téléphone quand vous avez rejoint (la coordination peut vous le dire).
workshop-rejoin_submit = C'est moi, je reviens
workshop-rejoin_other = Vous êtes une autre personne avec le même prénom ?
workshop-join_as_new = Rejoindre comme nouvelle personne
workshop-your_seat = Votre place : { $n }
workshop-seat_keep = gardez-la si vous devez revenir
workshop-seat_of = place { $n }
workshop-joined_at = arrivée à { $n }
workshop-closed_title = L'atelier est terminé
workshop-closed_thanks = Merci pour votre participation !
workshop-closed_next = La coordination consolide les niveaux retenus dans l'atelier et vous présentera les résultats lors de la restitution. Vous pouvez fermer cette page.
workshop-closed_results = Voir les résultats de la campagne
workshop-shortcuts = Raccourcis clavier (touche ?)
workshop-shortcuts_toggle = affiche ou masque cette liste
workshop-back_to_console = Revenir à la console
workshop-timer60 = Minuteur 1 min
workshop-timer120 = Minuteur 2 min
workshop-timer_stop = Arrêter le minuteur
workshop-timer_until = Vote jusqu'à { $n }
workshop-admission = Admettre chaque téléphone avant qu'il vote
workshop-pending = en attente
workshop-admit = Admettre
workshop-welcome = Bienvenue, { $n }
workshop-waiting = L'animateur·rice va vous admettre dans l'atelier. Cette page se mettra à jour toute seule.
workshop-title = Atelier
workshop-intro = Évaluez ensemble, en réunion : chacun·e vote depuis son téléphone, le vidéoprojecteur montre les votes, vous notez le niveau retenu.
workshop-resume = Reprendre l'atelier { $n }
workshop-pillar = Indicateurs de l'atelier
workshop-all_pillars = Tous les piliers de la campagne
workshop-by_college = Montrer les votes par collège (collèges de trois personnes au moins)
workshop-open = Ouvrir un atelier
workshop-join_title = Rejoindre l'atelier
workshop-join_intro = Saisissez le code affiché au mur, votre prénom et votre collège. Pas besoin de compte.
workshop-code = Code
workshop-code_hint = 6 lettres et chiffres.
workshop-first_name = Votre prénom
workshop-join_submit = Rejoindre
workshop-vote_title = Votre vote
workshop-question = Question { $n }
workshop-your_vote = Votre vote
workshop-vote = Voter
workshop-change_vote = Changer mon vote
workshop-voted = Vote enregistré. Vous pouvez le changer jusqu'à l'affichage des résultats.
workshop-results = Résultats
workshop-wait_next = Attendez la question suivante.
workshop-refresh = Actualiser
workshop-console_title = Animation de l'atelier
workshop-open_projector = Ouvrir la vue vidéoprojecteur
workshop-projector_title = Atelier
workshop-position = Indicateur { $n } sur { $arg2 }
workshop-voted_count =
    { $n ->
        [one] { $n } vote sur { $arg2 } participant·e·s
       *[other] { $n } votes sur { $arg2 } participant·e·s
    }
workshop-recorded = Niveau retenu :
workshop-previous = Précédent
workshop-next = Suivant
workshop-reveal = Montrer les votes
workshop-hide = Masquer les votes
workshop-record_title = Niveau retenu par le groupe
workshop-agreed_level = Niveau retenu
workshop-note = Note (facultatif)
workshop-record = Enregistrer le niveau retenu
workshop-voters = Participant·e·s dans la salle ({ $n })
workshop-removed = retiré·e
workshop-close = Clore l'atelier
workshop-close_confirm = Clore l'atelier ? Les téléphones ne pourront plus voter.
workshop-qr_alt = QR code menant à { $n }

## error.action

error-action-title_required = Donnez un titre à l'action
error-action-title_length = Le titre tient en 500 caractères au plus
error-action-date = Indiquez une date qui existe, par exemple 10/12/2026 ou 10 décembre 2026
error-action-due_before_start = Indiquez une date d'échéance postérieure au début de l'action
error-action-status = Choisissez un statut proposé
error-action-progress = Indiquez un avancement entre 0 et 100 %
error-action-indicators = Indiquez des codes d'indicateurs de la campagne, séparés par des virgules
error-action-too_long = Ce texte est trop long

## error.target

error-target-level = Choisissez un niveau de l'échelle

## error.checkpoint

error-checkpoint-empty = Notez au moins un indicateur
error-checkpoint-no_plan = Le point d'étape se fait sur un plan validé

## results

results-compare_with = Comparer avec la campagne
results-compare = Comparer
results-title = Photographie
results-pillars_progress = Avancement des piliers
results-pillars_provisional = Chiffres provisoires tant que la consolidation n'est pas terminée : { $n }.
results-to_come = À venir
results-pillars_to_come = Ces piliers sont encore en réponses ; leurs résultats s'ajouteront une fois leur consolidation commencée : { $n }.
results-intro = Où en est la structure, objectif par objectif, d'après les réponses partagées et face aux niveaux d'exigence qu'elle s'est fixés.
results-how_link = Comment les scores sont calculés
results-overall = Score global
results-overall_target = Niveau d'exigence global
results-rated = Indicateurs notés
results-nothing_yet = Aucune réponse partagée pour l'instant : la photographie se remplit pendant la consolidation.
results-unrated =
    { $n ->
        [one] { $n } indicateur pas encore noté est laissé de côté.
       *[other] { $n } indicateurs pas encore notés sont laissés de côté.
    }
results-by_pillar = Par thème
results-by_pillar_table = Scores par thème
results-score = Score
results-target = Exigence
results-previous = Campagne précédente
results-by_objective = Par objectif général
results-by_objective_table = Voir le tableau des scores par objectif
results-strengths = Points forts
results-weaknesses = Points à travailler
results-none = Rien à signaler.
results-divergent = Avis partagés
results-divergent_intro = Sur ces indicateurs, les participant·e·s ont donné des niveaux éloignés : à discuter ensemble.
results-levels_given = niveaux donnés de { $n }
results-compared_with = Évolution depuis « { $n } »
results-no_change = Aucun changement mesurable sur les indicateurs comparables.
results-figures = Chiffres clés
results-heat_title = Carte des indicateurs
results-heat_intro = Chaque indicateur face à son niveau d'exigence.
results-shared_answer = Réponse partagée
results-target_level = Exigence
results-state = Situation
results-how_title = Comment les scores sont calculés
results-how_text = Un niveau vaut sa part de l'échelle : sur une échelle de 1 à 4, le niveau 1 vaut 25 % et le niveau 4 vaut 100 % ; oui vaut 100 %, non 0 %. Un objectif ou un thème vaut la moyenne de ce qu'il contient, pondérée par le poids de chaque élément. « Non concerné », « je ne sais pas » et les indicateurs sans réponse sont laissés de côté ; les chiffres sont montrés tels quels.
results-radar_title = Scores par thème
results-bars_title = Scores par objectif général
results-legend_current = Cette campagne
results-legend_previous = Campagne précédente
results-legend_target = Niveau d'exigence
results-summary = Score global { $n } sur { $arg2 } indicateurs notés.
results-versus_target = { $n } : { $arg2 } pour une exigence de { $arg3 }

## results.heat

results-heat-met = atteint
results-heat-below = en dessous
results-heat-far = loin de l'exigence
results-heat-na = non concerné
results-heat-none = pas de réponse

## targets

targets-title = Niveaux d'exigence
targets-intro = Fixez le niveau que la structure vise pour chaque objectif ou indicateur. Laissé vide, c'est le niveau recommandé par le référentiel qui s'applique ; fixé sur un objectif, il vaut pour tous les indicateurs qu'il contient.
targets-node = Objectif ou indicateur
targets-recommended = Recommandé
targets-chosen = Niveau visé
targets-for = Niveau visé pour { $n }
targets-follow = Suivre la recommandation
targets-save = Enregistrer les niveaux d'exigence

## plan

plan-suggested_by = Proposée par { $n } (tiers)
plan-draft_reader = Plan en préparation : la structure choisit encore ses actions parmi celles proposées, avant de le valider.
plan-schedule_title = Calendrier des actions
plan-schedule_desc = { $n } actions, du { $arg2 } au { $arg3 } ; le détail est dans le tableau ci-dessous.
plan-schedule_open = À faire ou en cours (« ! » : en retard)
plan-schedule_today = Aujourd'hui
plan-title = Plan de progrès
plan-validated = Plan validé
plan-draft = Plan en préparation : acceptez, modifiez, regroupez ou écartez les actions proposées, puis validez le plan.
plan-completion = Avancement
plan-late = Actions en retard
plan-upcoming = À échéance sous 30 jours
plan-horizon = Horizon
plan-horizon_value = à partir du { $n }, sur { $arg2 } mois
plan-horizon_hint = Les actions sont réparties sur cette durée, les plus prioritaires d'abord.
plan-objective_one_year = Objectif à 1 an
plan-objective_three_years = Objectif à 3 ans
plan-proposals = Actions proposées ({ $n })
plan-proposals_intro = Chaque indicateur en dessous de son niveau d'exigence donne une action proposée, avec sa priorité et ses raisons.
plan-accept = Accepter la sélection
plan-merge = Regrouper la sélection
plan-discard = Écarter la sélection
plan-actions = Actions du plan ({ $n })
plan-as_list = Voir en liste
plan-as_board = Voir en tableau par statut
plan-is_late = en retard
plan-is_upcoming = bientôt
plan-move = Statut de « { $n } »
plan-move_button = Changer
plan-no_actions = Aucune action retenue pour l'instant.
plan-timeline_title = Avancement du plan dans le temps
plan-timeline_desc = Avancement actuel { $n } ; relevés : { $arg2 }.
plan-validate_title = Valider le plan
plan-validate_hint = Les actions proposées restantes seront retenues telles quelles et le suivi commencera.
plan-validate_confirm = Valider le plan ?
plan-validate = Valider le plan
plan-settings = Calendrier et objectifs du plan
plan-starts_on = Début du plan
plan-months = { $n } mois
plan-not_ready = Le plan se prépare après la consolidation des réponses : dès qu'un pilier est en consolidation, ses propositions sont prêtes.
plan-pillars_to_come = Piliers encore à venir : { $n }. Leurs propositions s'ajouteront au plan quand ils seront consolidés.
plan-pillars_to_propose = Consolidés depuis la préparation du plan : { $n }.
plan-propose_more = Ajouter leurs propositions
plan-gaps =
    { $n ->
        [one] { $n } indicateur est en dessous de son niveau d'exigence.
       *[other] { $n } indicateurs sont en dessous de leur niveau d'exigence.
    }
plan-generate = Proposer le plan
plan-why = pourquoi cette priorité :

## plan.reason

plan-reason-gap =
    { $n ->
        [one] { $n } niveau sous l'exigence (niveau { $arg2 })
       *[other] { $n } niveaux sous l'exigence (niveau { $arg2 })
    }
plan-reason-not_yet = pas encore en place
plan-reason-weight = poids élevé dans le référentiel ({ $n })
plan-reason-divergence = avis très partagés entre participant·e·s
plan-reason-pillar_behind = thème « { $n } » en retrait : { $arg2 } contre { $arg3 } en moyenne

## action

action-new = Ajouter une action
action-edit = Modifier l'action
action-conflict = Quelqu'un a modifié cette action pendant que vous la modifiiez. Voici sa version :
action-conflict_hint = Vos saisies sont conservées ci-dessous : enregistrez pour les retenir à la place.
action-title = Titre
action-description = Description
action-indicators = Indicateurs liés
action-indicators_hint = Codes séparés par des virgules, par exemple 1.2.3
action-responsible = Responsable
action-responsible_hint = La personne reçoit un rappel avant l'échéance.
action-nobody = À désigner
action-contributors = Contributeur·rice·s
action-contributors_hint = Prénoms séparés par des virgules
action-starts_on = Début
action-due_on = Échéance
action-status_label = Statut
action-progress = Avancement (%)
action-progress_hint = De 0 à 100
action-offer = Offre de services demandée
action-offer_hint = Formation, outil ou accompagnement de la fédération
action-no_offer = Aucune
action-notes = Notes de suivi
action-save = Enregistrer l'action

## action.status

action-status-todo = À faire
action-status-in_progress = En cours
action-status-blocked = Bloquée
action-status-done = Faite
action-status-abandoned = Abandonnée

## action.priority

action-priority-high = Priorité haute
action-priority-medium = Priorité moyenne
action-priority-low = Priorité basse

## checkpoint

checkpoint-intro_reader = À mi-parcours, la structure note de nouveau les indicateurs visés par son plan : voici le chemin parcouru.
checkpoint-title = Point d'étape
checkpoint-intro = À mi-parcours, notez de nouveau les seuls indicateurs visés par le plan pour voir le chemin parcouru.
checkpoint-nothing = Aucun indicateur n'est encore visé par une action du plan.
checkpoint-changes = Évolution des indicateurs visés
checkpoint-shared = Réponse partagée
checkpoint-latest = Dernier point
checkpoint-change = Évolution
checkpoint-new = Nouveau point d'étape
checkpoint-held_on = Date du point
checkpoint-rerate = Niveau atteint aujourd'hui
checkpoint-not_rerated = Pas noté cette fois
checkpoint-note = Ce qui a été dit
checkpoint-save = Enregistrer le point d'étape
checkpoint-history = Points d'étape
checkpoint-rerated =
    { $n ->
        [one] { $n } indicateur noté
       *[other] { $n } indicateurs notés
    }
checkpoint-level = { $n } niveau
checkpoint-levels = { $n } niveaux
checkpoint-same = inchangé

## export

export-readiness_sheet = Certification
export-answers_sheet = Réponses individuelles
export-results_sheet = Résultats
export-participant = Participant·e
export-code = Code
export-kind = Niveau
export-title = Intitulé
export-answer = Réponse
export-comment = Commentaire
export-updated_at = Modifiée le
export-score = Score (%)
export-target_share = Exigence (%)
export-rationale = Pourquoi cette réponse partagée
export-number = N°
export-priority = Priorité
export-download = Télécharger
export-workbook = Tout le classeur (XLSX)
export-plan_csv = Le plan (CSV)
export-results_csv = Les résultats (CSV)
export-answers_csv = Les réponses individuelles (CSV)
export-hint = Le rapport et sa synthèse en PDF, à imprimer ou à transmettre ; le classeur et les CSV pour Excel ou LibreOffice (les CSV utilisent le point-virgule, comme Excel en français).
export-version = Version (ne pas modifier)
export-import_link = Renvoyer le plan modifié (XLSX)
export-report_pdf = Le rapport complet (PDF)
export-summary_pdf = La synthèse en deux pages (PDF)

## export.pdf

export-pdf-report_title = Rapport d'auto-évaluation
export-pdf-summary_title = Synthèse
export-pdf-summary_audience = Pour le conseil d'administration et le dialogue avec les services de l'État
export-pdf-generated_on = Édité le
export-pdf-section_context = L'organisation et la campagne
export-pdf-section_participation = Participation
export-pdf-section_photographie = La photographie
export-pdf-section_pillars = Détail par thème
export-pdf-section_divergences = Là où les avis divergent
export-pdf-section_figures = Indicateurs chiffrés
export-pdf-section_plan = Le plan de progrès
export-pdf-section_readiness = Prêt pour la certification ?
export-pdf-readiness_clause = Exigence
export-pdf-readiness_status = Statut
export-pdf-section_review = Les conclusions de la journée d'accompagnement
export-pdf-section_key_figures = Chiffres clés
export-pdf-strengths = Points forts
export-pdf-weaknesses = Points à améliorer
export-pdf-organisation = Structure
export-pdf-siret = SIRET
export-pdf-organisation_type = Type de structure
export-pdf-region = Région
export-pdf-campaign = Campagne
export-pdf-status = Étape
export-pdf-referential = Référentiel
export-pdf-college = Collège
export-pdf-invited = Invité·e·s
export-pdf-answered = Ont répondu
export-pdf-total = Total
export-pdf-overall = Score global
export-pdf-code = Code
export-pdf-title = Intitulé
export-pdf-score = Score
export-pdf-target = Exigence
export-pdf-previous = Campagne précédente
export-pdf-rated = Indicateurs notés
export-pdf-indicator = Indicateur
export-pdf-answer = Réponse partagée
export-pdf-standing = Situation
export-pdf-value = Valeur
export-pdf-action = Action
export-pdf-action_status = Statut
export-pdf-responsible = Responsable
export-pdf-due_on = Échéance
export-pdf-progress = Avancement
export-pdf-priority = Priorité
export-pdf-actions = Actions retenues
export-pdf-top_actions = Les actions prioritaires
export-pdf-held_on = Date
export-pdf-attendees = Personnes présentes
export-pdf-conclusions = Conclusions
export-pdf-decision = Décision
export-pdf-offers = Offres de services retenues
export-pdf-horizon = Plan à mener d'ici le
export-pdf-checkpoint = Point à mi-parcours
export-pdf-none = Aucun pour l'instant.
export-pdf-no_plan = Le plan de progrès n'est pas encore établi.
export-pdf-no_review = La journée d'accompagnement n'a pas encore eu lieu.
export-pdf-page = Page

## import

import-title = Mettre à jour le plan depuis un tableur
import-intro = Téléchargez le classeur de la campagne, modifiez la feuille « Plan de progrès » dans Excel ou LibreOffice (titre, description, contributeur·rice·s, dates, statut, avancement, notes), puis renvoyez-la ici. Tout est vérifié avant d'écrire quoi que ce soit.
import-file = Classeur modifié (.xlsx)
import-file_hint = Le fichier téléchargé depuis Cap. Gardez les colonnes « N° » et « Version » telles quelles.
import-submit = Vérifier et mettre à jour
import-report =
    { $n ->
        [one] { $n } problème dans le fichier
       *[other] { $n } problèmes dans le fichier
    }
import-nothing_written = Rien n'a été modifié. Corrigez le fichier et renvoyez-le.
import-report_caption = Problèmes trouvés, ligne par ligne
import-row = Ligne
import-not_a_workbook = Ce fichier n'est pas un classeur Excel (.xlsx) lisible.
import-too_many_entries = Ce fichier contient plus de { $n } éléments : ce n'est pas un classeur téléchargé depuis Cap.
import-too_large = Ce classeur dépasse { $n } une fois décompressé : renvoyez seulement le classeur téléchargé depuis Cap, sans images ni feuilles ajoutées.
import-too_many_rows = Une feuille va au-delà de la ligne { $n } : supprimez les lignes en trop, même vides de texte.
import-too_many_columns = Une feuille va au-delà de la colonne { $n } : supprimez les colonnes en trop (le plan en compte 14).
import-too_many_cells = Ce classeur compte plus de { $n } cellules : renvoyez seulement le classeur téléchargé depuis Cap.
import-text_too_long = Une cellule dépasse { $n } caractères.
import-too_many_texts = Ce classeur contient plus de { $n } textes différents : renvoyez seulement le classeur téléchargé depuis Cap.
import-no_plan_sheet = Aucune feuille ne contient les colonnes du plan (N°, Titre, Statut, Version) : renvoyez le classeur téléchargé depuis Cap.
import-no_number = Cette ligne n'a pas de numéro d'action : ajoutez les nouvelles actions dans Cap.
import-unknown_action = L'action n° { $n } n'est pas dans ce plan.
import-action = Action n° { $n }
import-changed_since = L'action n° { $n } a été modifiée dans Cap depuis le téléchargement : téléchargez le classeur de nouveau et reportez vos changements.
import-nothing_changed = Le fichier ne change rien au plan.

## accompaniment

accompaniment-place = Lieu
accompaniment-pillars = Piliers travaillés
accompaniment-pillars_hint = Laissez vide pour travailler sur toute la campagne.
accompaniment-plan_title = Préparer la journée
accompaniment-plan_hint = Environ un mois après la première rencontre : fixez la date, le lieu et les personnes attendues. Seule la date est obligatoire.
accompaniment-save_plan = Enregistrer la préparation
accompaniment-conclude_title = Conclure la journée
accompaniment-conclude_hint = Une fois la journée tenue : les conclusions, la décision, l'échéance du plan et le point à mi-parcours. Les coordinateur·rice·s de la structure reçoivent la décision par e-mail.
accompaniment-conclude = Conclure la journée
accompaniment-horizon_on = Plan à mener d'ici le
accompaniment-horizon_hint = Proposé à sept mois de la journée (la fédération compte de 6 à 8 mois).
accompaniment-checkpoint_on = Point à mi-parcours
accompaniment-checkpoint_hint = Entre la journée et l'échéance du plan ; proposé à mi-chemin.
accompaniment-planned_title = Journée prévue
accompaniment-concluded_title = Journée tenue et conclue
accompaniment-planned_on = Journée d'accompagnement prévue le
accompaniment-title = Journée d'accompagnement
accompaniment-intro = Avec un·e tiers de la délégation régionale ou un·e pair, la structure revoit sa photographie et son plan. Notez la journée et la décision prise.
accompaniment-held_on = Date de la journée
accompaniment-attendees = Personnes présentes
accompaniment-attendees_hint = Prénoms et rôles, par exemple : Sophie (référente), Karim (tiers).
accompaniment-conclusions = Conclusions
accompaniment-decision_label = Décision
accompaniment-offers = Offres de services retenues
accompaniment-offers_hint = Pour un accompagnement complémentaire : cochez au moins une offre de la fédération.
accompaniment-recorded_by = Noté par
accompaniment-conflict = Quelqu'un a enregistré la journée pendant que vous la modifiiez. Voici sa version ; vos saisies sont conservées dans le formulaire : enregistrez pour les retenir à la place.
accompaniment-link = Journée d'accompagnement

## accompaniment.decision

accompaniment-decision-alone = La structure met en œuvre son plan seule
accompaniment-decision-further = Un accompagnement complémentaire est convenu

## error.accompaniment

error-accompaniment-not_held_yet = La journée n'a pas encore eu lieu : enregistrez sa préparation, vous la conclurez une fois tenue
error-accompaniment-horizon_before_day = L'échéance du plan doit venir après la journée
error-accompaniment-checkpoint_between = Le point à mi-parcours doit tomber entre la journée et l'échéance du plan
error-accompaniment-attendees = Indiquez les personnes présentes
error-accompaniment-conclusions = Indiquez les conclusions de la journée
error-accompaniment-decision = Choisissez la décision prise
error-accompaniment-offers = Cochez au moins une offre de services pour l'accompagnement complémentaire

## review

review-revoked_by = Accès retiré par
review-invited_by = Invité·e par
review-title = Relecture
review-intro = Invitez un·e tiers de la délégation régionale ou un·e pair d'une autre structure pour relire la photographie et le plan, puis échangez sur les indicateurs, la photographie et les actions.
review-your_access = Vous relisez cette auto-évaluation en tant que tiers ou pair. Votre accès prend fin le
review-your_access_audit = Chaque page consultée est notée dans le journal.
review-threads = Discussions
review-no_threads = Aucune discussion pour l'instant.
review-open = Ouverte
review-resolved = Résolue
review-resolved_by = Résolue par
review-reply = Répondre
review-send_reply = Envoyer la réponse
review-resolve = Marquer comme résolue
review-reopen = Rouvrir
review-new_thread = Nouvelle discussion
review-about = Sur quoi porte votre commentaire ?
review-comment = Commentaire
review-open_thread = Publier le commentaire
review-reviewers = Relecteurs et relectrices
review-no_reviewers = Personne n'a encore été invité.
review-reviewer = Personne invitée
review-reviewer_hint = Les pairs viennent de l'annuaire, les plus proches d'abord (même région, même type de structure) ; les tiers sont les délégué·es régionaux.
review-kind_label = Rôle
review-period = Période d'accès
review-state_label = État
review-revoke = Retirer l'accès
review-invite = Inviter un·e tiers ou un·e pair
review-filter_region = Région
review-filter_type = Type de structure
review-filter = Filtrer
review-all = Toutes
review-choose = Choisissez une personne
review-conflicts_found = Conflit d'intérêts :
review-conflict_acknowledged = conflit d'intérêts signalé
review-starts_on = Accès à partir du
review-ends_on = Accès jusqu'au
review-ends_on_hint = L'accès se ferme tout seul après ce jour (92 jours au plus).
review-accept_conflict = Je confirme l'invitation malgré le conflit d'intérêts signalé
review-accept_untrained = Inviter ce pair même s'il n'est pas encore formé (exception inscrite au journal)
review-send_invitation = Inviter
review-directory_link = Voir l'annuaire des pairs et les formations
review-trainings_attended =
    { $n ->
        [one] { $n } formation suivie
       *[other] { $n } formations suivies
    }

## review.kind

review-kind-tiers = Tiers (délégation régionale)
review-kind-pair = Pair (autre structure)
review-kind-state = Agent des services de l'État
review-state_title = Accès pour les services de l'État
review-state_intro = Pour préparer le dialogue de gestion, donnez à un agent des services de l'État un accès en lecture seule, pour quelques jours : la photographie, le plan de progrès, les chiffres d'activité et la synthèse. Il ne voit ni les réponses individuelles ni les échanges de la relecture ; chaque page qu'il lit est inscrite au journal de votre structure.
review-state_given = Accès donnés
review-state_none = Aucun accès donné pour l'instant.
review-state_give = Donner un accès
review-state_email_hint = Il reçoit un e-mail avec le lien ; s'il n'a pas encore de compte Cap, il choisit d'abord son mot de passe.
review-state_ends_hint = L'accès se ferme tout seul après ce jour (92 jours au plus).
review-state_submit = Donner l'accès en lecture
review-state_open = Ouvert
review-state_upcoming = À venir
review-state_ended = Terminé
review-state_revoked = Retiré
review-state_link = Accès pour les services de l'État

## review.state

review-state-open = Accès ouvert
review-state-upcoming = À venir
review-state-ended = Terminé
review-state-revoked = Retiré

## review.conflict

review-conflict-same_organisation = membre de la structure relue
review-conflict-same_group = même groupe (GES)

## review.target

review-target-photographie = La photographie
review-target-action = Action

## error.review

error-review-already_invited = Cette personne a déjà un accès ouvert ou à venir à cette campagne. Retirez-le d'abord pour changer ses dates.
error-review-reviewer = Choisissez une personne dans la liste
error-review-ends_before_start = La fin de l'accès doit suivre son début
error-review-ended = Cette période est déjà passée
error-review-too_long = L'accès dure 92 jours au plus
error-review-conflict_blocking = Un membre de la structure ne peut pas la relire : choisissez une autre personne
error-review-untrained = Ce pair n'a pas encore suivi de formation : choisissez un pair formé, ou cochez l'exception.
error-review-conflict_unacknowledged = Cette personne est en conflit d'intérêts : cochez la case pour confirmer, ou choisissez quelqu'un d'autre
error-review-comment_empty = Écrivez votre commentaire
error-review-comment_too_long = Le commentaire dépasse 4 000 caractères
error-review-target = Choisissez sur quoi porte le commentaire

## directory

directory-title = Annuaire des pairs
directory-intro = Les pairs sont des personnes d'autres structures, déjà passées par une auto-évaluation, qui acceptent d'en relire une. Cherchez par région et par type de structure.
directory-trainings_link = Formations des pairs et des tiers
directory-mine = Devenir pair
directory-you_volunteer = Vous êtes inscrit·e comme pair pour
directory-not_eligible = Vous pourrez vous inscrire comme pair quand une de vos structures aura validé le plan de progrès d'une auto-évaluation.
directory-organisation = Structure
directory-organisation_hint = Seules les structures ayant validé un plan de progrès apparaissent.
directory-availability = Disponibilités
directory-availability_hint = Par exemple : deux jours par trimestre, plutôt en Hauts-de-France.
directory-volunteer = M'inscrire comme pair
directory-update = Mettre à jour
directory-withdraw = Me retirer de l'annuaire
directory-volunteers = Pairs volontaires
directory-none = Aucun pair pour ces critères.
directory-person = Personne
directory-trainings = Formations suivies
directory-stage = Parcours
directory-your_stage = Où vous en êtes :
directory-proposed = Vous êtes proposé·e comme pair pour
directory-proposed_by = { $n } vous propose comme pair pour
directory-proposal_explained = Un pair relit, quelques jours, l'auto-évaluation d'une autre structure du réseau et en parle avec elle. Vous suivez d'abord une formation. Acceptez pour figurer dans l'annuaire et vous inscrire à une formation.
directory-accept = Accepter
directory-decline = Refuser
directory-upcoming_trainings = Formations à venir
directory-no_upcoming = Aucune formation de pairs n'est prévue pour l'instant : votre délégation vous préviendra.
directory-enrolled = Inscrit·e
directory-enrol = M'inscrire
directory-enrol_in = M'inscrire à « { $n } »
directory-unenrol = Me désinscrire
directory-propose_title = Proposer une personne comme pair
directory-propose_intro = Les personnes des structures de votre région qui ont validé un plan de progrès. La personne reçoit un courriel et accepte ou refuse dans l'annuaire.
directory-propose_hint = Seules les personnes qui ne sont pas déjà dans l'annuaire apparaissent.
directory-propose = Proposer
pair-stage-proposed = Proposé·e
pair-stage-volunteer = Volontaire
pair-stage-enrolled = Inscrit·e à une formation
pair-stage-trained = Formé·e

## training

training-title = Formations des pairs et des tiers
training-intro = Les formations suivies par les pairs et les tiers : date, lieu et participants. Les délégué·es régionaux les notent pour leur région.
training-none = Aucune formation enregistrée.
training-attendees = Participants
training-no_attendees = aucun participant noté
training-edit_attendees = Noter les participants
training-save_attendees = Enregistrer les participants
training-new = Noter une formation
training-name = Intitulé
training-audience_label = Public
training-held_on = Date
training-place = Lieu
training-save = Enregistrer la formation

## training.audience

training-audience-pairs = Pairs
training-audience-tiers = Tiers
training-audience-both = Pairs et tiers

## error.training

error-training-title = Indiquez l'intitulé de la formation
error-training-place = Indiquez le lieu

## error.directory

error-directory-not_eligible = Aucune de vos structures n'a encore validé de plan de progrès

## token

token-title = Jetons d'accès à l'API
token-intro = Un jeton permet à un programme (un tableur, un outil de suivi) de lire vos campagnes ou de mettre à jour les actions, avec vos droits et seulement ce que vous cochez. Il ne s'affiche qu'une fois, à sa création.
token-openapi = Description de l'API (OpenAPI)
token-created = Jeton créé.
token-copy_now = Copiez-le maintenant : il ne sera plus affiché.
token-list = Vos jetons
token-none = Aucun jeton.
token-name = Nom
token-name_hint = Le programme qui l'utilise, par exemple : Tableau de bord du CA.
token-scopes = Autorisations
token-expires = Expire le
token-last_used = Dernière utilisation
token-never = jamais
token-state_label = État
token-revoke = Révoquer
token-new = Créer un jeton
token-days = Durée de validité (jours)
token-days_hint = De 1 à 366 jours.
token-create = Créer le jeton

## token.scope

token-scope-read = Lire les campagnes, réponses, résultats et actions
token-scope-write_actions = Mettre à jour l'état et l'avancement des actions

## token.state

token-state-active = Actif
token-state-expired = Expiré
token-state-revoked = Révoqué

## error.token

error-token-name = Donnez un nom au jeton
error-token-scopes = Cochez au moins une autorisation
error-token-days = Indiquez une durée de 1 à 366 jours

## error.api

error-api-unauthorized = Jeton absent, expiré ou révoqué.
error-api-body = Le corps doit être un objet JSON avec « version », et éventuellement « status » et « progress ».
error-api-status = État inconnu : todo, in_progress, blocked, done ou abandoned.
error-api-progress = L'avancement va de 0 à 100.
error-api-stale = L'action a été modifiée depuis la version indiquée ; voici sa version actuelle.

## network

network-title = Le réseau en chiffres
network-intro = Les résultats consolidés des structures, anonymisés : aucun chiffre n'est montré s'il repose sur moins de 5 structures. Chaque structure compte pour sa dernière campagne.
network-all_regions = Toutes les régions
network-all_types = Tous les types
network-year = Année
network-hidden = masqué
network-hidden_explained = « masqué » : moins de 5 structures, ou un chiffre qui permettrait de retrouver un chiffre masqué par soustraction.
network-export = Télécharger ces chiffres (CSV pour Excel)
network-engaged_title = Structures engagées
network-by_region = Par région
network-by_type = Par type de structure
network-organisations = Structures
network-engaged = Dont ayant mené une campagne
network-status_title = Campagnes par étape
network-step = Étape
network-campaigns = Campagnes
network-means_title = Scores moyens par thème et objectif
network-means_chart_desc = Score moyen et niveau d'exigence moyen de chaque thème, pour les structures du périmètre choisi.
network-scored = Structures dont la campagne est comptée :
network-nothing_yet = Pas encore de chiffres pour ce périmètre.
network-theme = Thème ou objectif
network-mean_score = Score moyen
network-mean_target = Exigence moyenne
network-levels_title = Répartition des niveaux par indicateur
network-targets_title = Niveaux d'exigence que les structures se fixent
network-themes_title = Indicateurs les plus travaillés dans les plans de progrès
network-actions = Actions
network-offers_title = Offres de services demandées, par région
network-offer = Région et offre
network-csv_section = Rubrique
network-csv_label = Libellé
network-csv_values = Valeurs

## benchmark

benchmark-title = Se situer parmi des structures comparables
benchmark-intro = Vos scores à côté de ceux de structures comparables (leur dernière campagne, la vôtre exclue) : le quart le plus bas est sous le 1er quartile, la moitié sous la médiane. Aucun chiffre n'est montré s'il repose sur moins de 5 structures.
benchmark-peers = Comparer avec
benchmark-peers_region = Le même type de structure dans ma région
benchmark-peers_national = Le même type de structure en France
benchmark-peers_all = Toutes les structures
benchmark-compare = Comparer
benchmark-yours = Votre score
benchmark-q1 = 1er quartile
benchmark-median = Médiane
benchmark-q3 = 3e quartile
benchmark-standing_label = Votre position

## benchmark.standing

benchmark-standing-bottom = Dans le quart le plus bas
benchmark-standing-below = Sous la médiane
benchmark-standing-above = Au-dessus de la médiane
benchmark-standing-top = Dans le quart le plus haut

## feedback

feedback-title = Un indicateur peu clair ou incomplet ?
feedback-intro = Dites à la fédération ce qui est flou ou ce qui manque : elle lit chaque remarque et en tient compte pour la prochaine version du référentiel.
feedback-kind_label = Votre remarque porte sur
feedback-body = Votre remarque
feedback-body_hint = Par exemple : la différence entre les niveaux 2 et 3 n'est pas claire pour nous.
feedback-send = Envoyer la remarque
feedback-admin_title = Remarques sur le référentiel
feedback-admin_intro = Ce que les utilisateurs disent des indicateurs. Notez ce que vous retenez pour la prochaine version, et ce qu'une version publiée a pris en compte.
feedback-status_label = État
feedback-none = Aucune remarque.
feedback-note = Note de la fédération
feedback-save = Enregistrer

## feedback.kind

feedback-kind-unclear = Quelque chose de peu clair
feedback-kind-missing = Quelque chose qui manque
feedback-kind-other = Autre chose

## feedback.status

feedback-status-new = Nouvelle
feedback-status-planned = Retenue pour une prochaine version
feedback-status-taken = Prise en compte dans une version
feedback-status-declined = Non retenue

## error.feedback

error-feedback-empty = Écrivez votre remarque
error-feedback-too_long = La remarque dépasse 2 000 caractères

## deployment

deployment-title = Déploiement du programme
deployment-nation = Toute la France
deployment-intro = Où en est chaque structure avec le programme, les présentations et formations tenues, et la chronologie mois par mois. Imprimez la page pour un point d'étape.
deployment-print_hint = Cette page s'imprime telle quelle (sans menus ni formulaires).
deployment-stages_title = Structures par étape
deployment-region_total = Région
deployment-members = Les structures de la région
deployment-stage_label = Étape
deployment-informed_on = Informée le
deployment-mark = Marquer informée
deployment-unmark = Retirer
deployment-presentations = Présentations du programme
deployment-no_presentations = Aucune présentation notée.
deployment-people = personnes
deployment-new_presentation = Noter une présentation
deployment-attendees = Participants
deployment-notes = Notes
deployment-save_presentation = Enregistrer la présentation
deployment-timeline = Chronologie
deployment-month = Mois
deployment-campaigns_started = Campagnes lancées
deployment-roll_out_title = Le déploiement, région par région
deployment-roll_out_intro = Les présentations du programme tenues et prévues, et les structures qui l'ont testé, le testent, vont le tester ou sont volontaires, tirées de ce qui est noté dans Cap.
deployment-presented_on = A présenté le Cap
deployment-will_present_on = Va présenter le Cap
deployment-have_tested = Structures qui l'ont testé
deployment-are_testing = Structures qui le testent
deployment-will_test = Structures qui vont le tester
deployment-volunteers = Structures volontaires pour le tester
deployment-from_day = à partir du { $n }
deployment-since_day = depuis le { $n }
deployment-volunteer_col = Volontaire pour tester
deployment-volunteer = Volontaire pour tester
deployment-unvolunteer = Ne l'est plus
deployment-planned_from = Test prévu à partir du
deployment-save_planned = Enregistrer la date
deployment-audience = Public
deployment-audience_hint = Par exemple : directions de SIAE, conseils d'administration (facultatif).
deployment-interested = Volontaires pour tester
deployment-interested_legend = Structures volontaires pour tester, à cette présentation
deployment-interested_hint = Cochées, elles passent « Volontaire pour tester » à la date de la présentation.
deployment-roll_out_csv = Télécharger ces listes pour un tableur (CSV)
deployment-csv_what = Quoi
deployment-csv_day = Date
deployment-csv_who_or_where = Lieu ou structure

## deployment.stage

deployment-stage-not_yet = Pas encore
deployment-stage-informed = Informée
deployment-stage-volunteer = Volontaire pour tester
deployment-stage-will_test = Va tester
deployment-stage-testing = En test
deployment-stage-using = Utilisatrice
deployment-stage-reviewed = Relue

## error.deployment

error-deployment-attendees = Indiquez un nombre de participants (0 ou plus)

## practice

practice-pending_notice_others = En attente de relecture par la délégation régionale : seuls son auteur, sa structure et la délégation la voient pour l'instant.
practice-edit_title = Corriger ma pratique
practice-edit_intro = Après votre correction, la pratique repart à la délégation régionale, qui la relit avant de la publier de nouveau.
practice-edit_conflict = Cette pratique a changé pendant que vous la corrigiez (dans un autre onglet, ou par la décision d'une déléguée ou d'un délégué). Votre saisie est gardée ci-dessous : vérifiez-la, puis envoyez de nouveau.
practice-kept_files = Pièces jointes actuelles
practice-kept_files_hint = Décochez celles à retirer.
practice-files_more = Ajouter des pièces jointes (facultatif)
practice-resubmit = Renvoyer à la délégation régionale
practice-yours = Votre pratique
practice-yours_hint = Vous pouvez la corriger (elle repart en relecture) ou la retirer.
practice-edit = Corriger ma pratique
practice-mine_latest = Vos { $n } contributions les plus récentes, sur { $arg2 }.
practice-tree_count =
    { $n ->
        [one] { $n } pratique
       *[other] { $n } pratiques
    }
practice-see_all = Voir les { $n } pratiques publiées sur cet indicateur
practice-page_of = page { $n } sur { $arg2 }
practice-previous = Pratiques plus récentes
practice-next = Pratiques plus anciennes
practice-title = Bonnes pratiques
practice-intro = Comment les autres structures du réseau s'y prennent : des pratiques, des outils et des témoignages, rattachés aux indicateurs du référentiel. Chacun est relu par la délégation régionale avant d'être publié.
practice-share = Partager une pratique
practice-to_review = Pratiques à relire ({ $n })
practice-mine = Vos contributions
practice-published_title = Pratiques publiées
practice-filter_indicator = Indicateur
practice-filter_kind = Type
practice-none = Aucune pratique publiée pour l'instant. Soyez le premier à partager la vôtre !
practice-none_filtered = Aucune pratique publiée ne correspond à ces filtres.
practice-count =
    { $n ->
        [one] { $n } pratique publiée
       *[other] { $n } pratiques publiées
    }
practice-indicators = Indicateurs
practice-attachments = Pièces jointes
practice-attachments_count =
    { $n ->
        [one] { $n } pièce jointe
       *[other] { $n } pièces jointes
    }
practice-shared_by = Partagée par
practice-pending_notice = En attente de relecture par la délégation régionale : seuls vous, votre structure et la délégation la voient pour l'instant.
practice-rejected_notice = Cette pratique n'est pas publiée. La délégation régionale explique pourquoi :
practice-moderate_title = Relecture
practice-moderate_intro = Publiez la pratique si elle peut aider d'autres structures et ne contient pas de données personnelles sur des salariés. Sinon, expliquez à son auteur ce qu'il faudrait changer.
practice-decision_label = Votre décision
practice-note = Votre explication à l'auteur
practice-note_hint = Obligatoire pour ne pas publier. L'auteur la reçoit par courriel.
practice-decide = Enregistrer la décision
practice-delete = Retirer ma pratique
practice-moderation_title = Pratiques à relire
practice-moderation_intro = Les pratiques partagées par les structures de votre région, de la plus ancienne à la plus récente. Ouvrez-en une pour la publier ou expliquer pourquoi elle ne peut pas l'être.
practice-nothing_waiting = Aucune pratique n'attend de relecture.
practice-waiting_count =
    { $n ->
        [one] { $n } pratique en attente
       *[other] { $n } pratiques en attente
    }
practice-new_title = Partager une pratique
practice-new_intro = Racontez ce que fait votre structure : d'autres pourront s'en inspirer. La délégation régionale relit chaque contribution avant de la publier.
practice-referential_used = Indicateurs du référentiel
practice-other_referentials = Autre référentiel :
practice-organisation = Au nom de
practice-organisation_hint = La structure qui partage cette pratique. Son nom est affiché.
practice-kind_label = Vous partagez
practice-kind_hint = Une façon de faire, un outil réutilisable (modèle, grille, procédure) ou un témoignage.
practice-title_label = Titre
practice-title_hint = En quelques mots, par exemple : « Un entretien d'accueil en trois temps ».
practice-body = Description
practice-body_hint = Le contexte, ce que vous faites, ce que cela a changé, à qui s'adresser. Pas de nom de salarié. Une ligne commençant par « - » fait une liste.
practice-indicators_label = Indicateurs concernés
practice-indicators_hint = Cochez un ou plusieurs indicateurs (12 au plus). Ouvrez un thème pour voir ses indicateurs.
practice-files = Pièces jointes (facultatif)
practice-files_hint = 3 fichiers au plus, 5 Mo chacun : PDF, image (PNG, JPEG), Word, Excel, PowerPoint, OpenDocument, texte ou CSV.
practice-files_dropped = Pour votre sécurité, le navigateur ne garde pas les fichiers choisis : choisissez-les à nouveau avant d'envoyer.
practice-submit = Envoyer à la délégation régionale
practice-on_indicator = Comment font les autres ?
practice-none_on_indicator = Aucune pratique n'est encore publiée sur cet indicateur.
practice-share_on_indicator = Partager votre pratique sur cet indicateur

## practice.kind

practice-kind-practice = Pratique
practice-kind-tool = Outil
practice-kind-testimony = Témoignage

## practice.status

practice-status-pending = En attente de relecture
practice-status-published = Publiée
practice-status-rejected = Non publiée

## practice.decision

practice-decision-publish = Publier : tous les membres pourront la lire
practice-decision-reject = Ne pas publier (ou retirer de la publication), en expliquant pourquoi

## error.practice

error-practice-upload_too_large = Les fichiers joints dépassent ensemble la taille permise : 3 fichiers de 5 Mo au plus
error-practice-title_empty = Donnez un titre à votre pratique
error-practice-title_too_long = Le titre dépasse 200 caractères
error-practice-body_empty = Décrivez votre pratique
error-practice-body_too_long = La description dépasse 10 000 caractères
error-practice-no_indicator = Cochez au moins un indicateur
error-practice-too_many_indicators = Cochez 12 indicateurs au plus
error-practice-unknown_indicator = Un indicateur coché n'existe pas dans ce référentiel
error-practice-too_many_files = Joignez 3 fichiers au plus
error-practice-file_empty = Un fichier joint est vide
error-practice-file_too_big = Un fichier joint dépasse 5 Mo
error-practice-file_type = Ce type de fichier n'est pas accepté : PDF, PNG, JPEG, Word, Excel, PowerPoint, OpenDocument, texte ou CSV
error-practice-file_content = Le contenu d'un fichier ne correspond pas à son extension
error-practice-already = La pratique est déjà dans cet état
error-practice-reason_needed = Expliquez à l'auteur pourquoi la pratique n'est pas publiée
error-practice-note_too_long = L'explication dépasse 1 000 caractères

## mail.accompaniment

mail-accompaniment-intro = La journée d'accompagnement du { $n } a été conclue pour { $arg2 } (« { $arg3 } »).

## suggestion

suggestion-link_pending = Propositions du tiers ({ $n } en attente)
suggestion-title = Propositions pour le plan
suggestion-intro_coordinator = Le ou la tiers qui vous accompagne propose des actions, des modifications ou des regroupements. Pour chacun : acceptez-le tel quel, acceptez-le pour l'adapter, ou déclinez-le en disant pourquoi.
suggestion-intro_tiers = Proposez à la structure une nouvelle action, la modification d'une action (échéance, rôle qui la porte, offre de services, bonne pratique à suivre) ou le regroupement de plusieurs actions. La coordination décide.
suggestion-pending = Propositions en attente : { $n }
suggestion-none = Aucune proposition pour l'instant.
suggestion-actions = Actions concernées
suggestion-due_on = Échéance proposée
suggestion-owner_role = Rôle qui porte l'action
suggestion-owner_role_hint = Par exemple : la directrice, le conseil d'administration, l'encadrant technique.
suggestion-offer = Offre de services
suggestion-practice = Bonne pratique à suivre
suggestion-practice_hint = Son numéro, ou son adresse copiée depuis les bonnes pratiques.
suggestion-practice_link = Voir la bonne pratique
suggestion-why = Pourquoi
suggestion-decided_by = Décidé par
suggestion-answer = Votre réponse (facultatif)
suggestion-accept = Accepter
suggestion-adapt = Accepter et adapter
suggestion-decline = Décliner
suggestion-new = Faire une proposition
suggestion-kind_label = Vous proposez
suggestion-new_title = Titre de la nouvelle action
suggestion-new_title_hint = Pour une nouvelle action seulement.
suggestion-amended_action = Action à modifier
suggestion-amended_action_hint = Pour une modification seulement.
suggestion-merged_actions = Actions à regrouper
suggestion-merged_actions_hint = Pour un regroupement seulement : cochez au moins deux actions ; la première garde son titre.
suggestion-send = Envoyer la proposition
suggestion-link = Propositions du tiers

## suggestion.kind

suggestion-kind-action = Une nouvelle action
suggestion-kind-amendment = La modification d'une action
suggestion-kind-merge = Le regroupement d'actions

## suggestion.status

suggestion-status-pending = En attente
suggestion-status-accepted = Acceptée
suggestion-status-declined = Déclinée

## suggestion.note

suggestion-note-role = rôle pressenti : { $n }
suggestion-note-practice = bonne pratique à suivre : « { $n } » ({ $arg2 })
suggestion-note-from = Suggestion de { $n }

## error.suggestion

error-suggestion-kind = Choisissez ce que vous proposez
error-suggestion-action = Choisissez l'action à modifier
error-suggestion-nothing_changed = Indiquez au moins une modification : échéance, rôle, offre ou bonne pratique
error-suggestion-merge_two = Cochez au moins deux actions à regrouper

## meeting

meeting-title = Calendrier
meeting-intro = Les séances de la démarche : présentation, séances de travail, ateliers, journée d'accompagnement, restitution, point d'étape.
meeting-none = Aucune séance prévue pour l'instant.
meeting-propose = Proposer un calendrier
meeting-propose_hint = Cap propose les dates habituelles de la démarche : une présentation, un premier pilier une semaine plus tard, les autres sur deux séances, la journée d'accompagnement environ un mois après, la restitution, puis un point d'étape. Vous pourrez tout modifier.
meeting-add = Ajouter une séance
meeting-edit = Modifier
meeting-of_day = la séance du { $n }
meeting-new_title = Nouvelle séance
meeting-edit_title = Modifier la séance
meeting-download = Ajouter à mon agenda
meeting-download_all = Tout le calendrier dans mon agenda
meeting-kind_label = Type de séance
meeting-on = Date
meeting-on_hint = Par exemple 12/01/2027
meeting-starts = Début
meeting-ends = Fin
meeting-time_hint = Par exemple 9h30
meeting-place = Lieu
meeting-place_hint = Adresse ou salle ; laissez vide pour une séance à distance.
meeting-link = Lien de visioconférence
meeting-link_hint = Facultatif, commence par https://
meeting-pillars = Piliers travaillés
meeting-invited = Personnes invitées
meeting-invited_hint = Aucune case cochée ici ni ci-dessous : toutes les personnes qui participent.
meeting-people = Personnes invitées nommément
meeting-people_hint = En plus des collèges cochés ; par exemple, la personne qui représente le conseil d'administration.
meeting-everyone = Toutes les personnes qui participent
meeting-invited_line = Invité·e·s : { $n }
meeting-pillars_line = Piliers : { $n }
meeting-notes = Notes ou compte rendu
meeting-notes_hint = Avant la séance : l'ordre du jour. Après : ce qui a été dit et décidé.
meeting-notify = Prévenir les personnes invitées par e-mail, avec l'invitation pour leur agenda
meeting-save = Enregistrer la séance
meeting-cancel = Annuler la séance
meeting-cancel_confirm = Annuler cette séance ? Les personnes invitées seront prévenues par e-mail.
meeting-past = Passée
meeting-cancelled = Annulée
meeting-next = Prochaine séance : { $n }, { $arg2 }
meeting-join = Rejoindre la visioconférence
meeting-record = Compte rendu de la journée d'accompagnement
meeting-when = { $n }, de { $arg2 } à { $arg3 }
meeting-changed = Cette séance a été modifiée entre-temps par quelqu'un d'autre : voici sa dernière version. Refaites vos changements si besoin.
meeting-ics_name = { $n } — { $arg2 }
meeting-ics_campaign = Campagne « { $n } » de { $arg2 }
meeting-ics_pillars = Piliers : { $n }
meeting-ics_link = Visioconférence : { $n }

## meeting.kind

meeting-kind-presentation = Présentation de la démarche
meeting-kind-working = Séance de travail
meeting-kind-workshop = Atelier
meeting-kind-accompaniment = Journée d'accompagnement
meeting-kind-restitution = Restitution
meeting-kind-checkpoint = Point d'étape

## error.meeting

error-meeting-kind = Choisissez le type de séance.
error-meeting-time = Indiquez une heure, par exemple 9h30.
error-meeting-ends_first = La fin doit venir après le début.
error-meeting-link = Le lien doit commencer par https:// et ne contenir aucune espace.
error-meeting-pillar = Choisissez parmi les piliers de la campagne.
error-meeting-college = Choisissez parmi les collèges proposés.

## mail.meeting

mail-meeting-hello = Bonjour { $n },
mail-meeting-invitation = { $n } vous invite à une séance de sa démarche Cap : { $arg2 }, le { $arg3 }.
mail-meeting-invitation_subject = Invitation : { $n }, { $arg2 }
mail-meeting-change = La séance de { $n } a changé : { $arg2 }, désormais le { $arg3 }.
mail-meeting-change_subject = Changement : { $n }, { $arg2 }
mail-meeting-cancellation = { $n } annule la séance : { $arg2 }, prévue le { $arg3 }.
mail-meeting-cancellation_subject = Annulation : { $n }, { $arg2 }
mail-meeting-reminder = Rappel : { $n } vous attend demain pour la séance : { $arg2 }, le { $arg3 }.
mail-meeting-reminder_subject = Demain : { $n }, { $arg2 }
mail-meeting-place = Lieu : { $n }
mail-meeting-link = Visioconférence : { $n }
mail-meeting-pillars = Piliers travaillés : { $n }
mail-meeting-campaign = La campagne : { $n }

## restitution

restitution-title = Restitution
restitution-link = Restitution sur grand écran
restitution-opening = Notre photographie
restitution-divergent = Là où nos avis diffèrent
restitution-changes = Ce qui a changé depuis la dernière fois
restitution-voices = À vous la parole
restitution-position = Écran { $n } sur { $arg2 }
restitution-day = Date
restitution-people = Personnes qui ont participé
restitution-what = Thème
restitution-voices_intro = Qu'est-ce qui vous a surpris ? Sur quoi voulez-vous travailler ? Dites-le en quelques mots depuis votre téléphone : la personne qui coordonne lira vos réponses, sans vos noms, en préparant le plan de progrès.
restitution-qr_alt = Code QR pour donner votre avis : { $n }
restitution-nav = Écrans de la restitution
restitution-previous = Précédent
restitution-next = Suivant
restitution-leave = Quitter la restitution
restitution-keys = Flèches gauche et droite, Page précédente et Page suivante ou la barre d'espace pour changer d'écran.
restitution-voice_title = Votre avis après la restitution
restitution-voice_intro = Quelques mots suffisent. Vos réponses sont lues sans votre nom par la personne qui coordonne, quand elle prépare le plan de progrès. Vous pouvez les changer quand vous voulez.
restitution-surprised = Qu'est-ce qui vous a surpris ?
restitution-surprised_hint = Un résultat inattendu, un écart entre les avis, un point fort oublié…
restitution-work_on = Sur quoi voulez-vous travailler ?
restitution-work_on_hint = Une pratique à améliorer, une idée d'action.
restitution-send = Envoyer mon avis
restitution-heard_title = Ce que l'équipe a dit à la restitution
restitution-heard_intro = Les avis des participant·e·s après la restitution, sans leurs noms, pour construire le plan.
restitution-heard_surprised = Surpris·e par :
restitution-heard_work_on = Veut travailler sur :
restitution-give_voice = Donner mon avis après la restitution

## error.restitution

error-restitution-empty = Répondez au moins à l'une des deux questions.

## readiness

readiness-trend = Évolution d'une campagne à l'autre
readiness-campaign = Campagne
readiness-title = Prêt pour la certification ?
readiness-link = Passerelle vers la certification
readiness-intro = Pour chaque exigence, les indicateurs Cap qui s'y rattachent, leur niveau partagé et leur niveau d'exigence. Une exigence est couverte quand chacun de ses indicateurs atteint son niveau d'exigence et que l'un d'eux la couvre entièrement ; le plus faible décide.
readiness-choose = Référentiel de certification
readiness-show = Afficher
readiness-summary = Où en sont les exigences
readiness-clause = Exigence
readiness-status = Statut
readiness-indicators = Indicateurs Cap
readiness-none_linked = Aucun indicateur de la campagne ne s'y rattache.
readiness-full = couvre toute l'exigence
readiness-partial = en partie
readiness-level = Niveau partagé : { $n }
readiness-target = niveau d'exigence : { $n }
readiness-not_rated = pas encore évalué
readiness-remaining_title = Ce qui reste
readiness-remaining_intro = Les exigences couvertes en partie ou pas encore évaluées, avec leurs indicateurs à travailler. Cochez-les et ajoutez-les au plan de progrès : une action par exigence.
readiness-remaining_count =
    { $n ->
        [one] { $n } indicateur à travailler
       *[other] { $n } indicateurs à travailler
    }
readiness-add = Ajouter au plan de progrès
readiness-nothing_left = Toutes les exigences rattachées à la campagne sont couvertes.
readiness-action_title = { $n } { $arg2 } « { $arg3 } » : ce qui reste
readiness-action_description = Indicateurs à travailler pour cette exigence :

## readiness.status

readiness-status-covered = Couverte
readiness-status-partly = Couverte en partie
readiness-status-not_assessed = Pas encore évaluée
readiness-status-not_covered = Non couverte par la campagne

## glossary
glossary-title = Glossaire
glossary-federation = Le vocabulaire de la fédération
glossary-intro_federation = Les mots que la fédération a définis ensemble. Les indicateurs qui les emploient renvoient ici, pour que chacun parle de la même chose.
glossary-intro_group = Les mots que les structures du groupe ont définis ensemble : partager un même outil, c'est aussi partager un même vocabulaire. Les indicateurs qui les emploient renvoient ici.
glossary-see_federation = Voir aussi le glossaire de la fédération
glossary-empty = Aucun mot défini pour l'instant.
glossary-version = Version { $n }
glossary-open = Voir les versions
glossary-open_edit = Modifier, voir les versions
glossary-add_title = Définir un mot
glossary-term = Le mot
glossary-term_hint = Tel qu'il s'écrit dans les indicateurs, par exemple : collège, parcours d'insertion.
glossary-definition = Ce que nous entendons par là
glossary-definition_hint = En quelques phrases simples (2 000 caractères au plus).
glossary-add = Ajouter au glossaire
glossary-edit_title = Écrire une nouvelle version
glossary-save = Enregistrer la nouvelle version
glossary-save_anyway = Enregistrer ma version à la place
glossary-conflict = Quelqu'un a écrit une nouvelle version pendant que vous écriviez la vôtre : la sienne est affichée en haut de la page, la vôtre est gardée dans le formulaire. Enregistrez la vôtre si elle doit la remplacer.
glossary-remove = Retirer ce mot du glossaire
glossary-history = Toutes les versions
glossary-federation_link = Le glossaire de la fédération : les mots définis ensemble
glossary-group_link = Le glossaire du groupe : le vocabulaire commun des structures
glossary-used = Mots du glossaire
error-glossary-term = Écrivez le mot (80 caractères au plus).
error-glossary-definition = Écrivez sa définition (2 000 caractères au plus).
error-glossary-taken = Ce mot est déjà dans le glossaire : ouvrez-le pour en écrire une nouvelle version.
flash-term_added = Mot ajouté au glossaire.
flash-term_saved = Nouvelle version enregistrée.
flash-term_removed = Mot retiré du glossaire.

## service
service-campaign_title = Services demandés à la fédération
service-campaign_intro = Les services de l'offre de la fédération que le plan de progrès ou la journée d'accompagnement prévoient. Demandez-les ici : la délégation régionale ou la fédération vous répond, et vous suivez où en est chaque demande.
service-none_offered = Ni le plan ni la journée d'accompagnement ne prévoient de service pour l'instant : choisissez-en un dans une action du plan.
service-from_plan = Prévu par l'action du plan « { $n } »
service-from_accompaniment = Prévu à la journée d'accompagnement
service-ask = Demander ce service
service-taken_by = pris en charge par { $n }
service-scheduled_on = prévu le { $n }
service-delivered_on = réalisé le { $n }
service-asked_on = Demandé le { $n }
service-declined_because = Refusé :
service-list_title = Demandes de services
service-list_intro = Les services que les structures ont demandés, à prendre en charge, planifier, réaliser ou refuser en disant pourquoi. Les structures voient où en est chacune.
service-counts = Demandes par étape
service-none = Aucune demande pour l'instant.
service-take = Je m'en occupe
service-schedule_day = Date prévue
service-schedule = Enregistrer la date
service-deliver_day = Réalisé le
service-deliver = Marquer réalisé
service-decline = Refuser cette demande
service-reason = Pourquoi (la structure lira ce message)
service-decline_send = Refuser la demande
service-link = Demandes de services des structures
service-campaign_link = Services demandés à la fédération
service-state-asked = Demandé
service-state-taken = Pris en charge
service-state-scheduled = Planifié
service-state-delivered = Réalisé
service-state-declined = Refusé
error-service-reason = Dites pourquoi la demande est refusée (1 000 caractères au plus).
error-service-move = Cette étape ne suit pas celle où en est la demande : rechargez la page.
error-service-stale = Quelqu'un a fait avancer cette demande entre-temps : voici où elle en est maintenant.
flash-service_asked = Demande envoyée : la délégation régionale vous répondra.
flash-service_already_asked = Ce service est déjà demandé : sa demande est en cours.
flash-service_moved = Demande mise à jour.

## group_campaign
group_campaign-default_title = Démarche commune
group_campaign-kind = Démarche du groupe
group_campaign-launch_title = Lancer une démarche commune
group_campaign-launch_intro = Une même démarche pour les structures du groupe : un seul référentiel et un même calendrier. Chaque structure a sa campagne, à laquelle répondent ses propres participants et collèges, et garde sa propre photographie. Les structures ne voient les résultats des autres que si vous le décidez.
group_campaign-launch = Lancer la démarche
group_campaign-structures = Structures qui participent
group_campaign-structures_hint = Chaque structure cochée reçoit sa campagne, en préparation : sa référente ou son référent Cap y invite ses participants.
group_campaign-referential = Référentiel : { $n }
group_campaign-answering_from = réponses à partir du { $n }
group_campaign-consolidation_on = consolidation le { $n }
group_campaign-structures_title = Où en est chaque structure
group_campaign-structures_intro = Chaque structure mène sa campagne avec ses propres participants ; ses chiffres apparaissent ici une fois ses premières réponses partagées.
group_campaign-no_results = pas encore de réponses partagées
group_campaign-shared = Les structures du groupe voient cette page.
group_campaign-not_shared = Seul·e le ou la responsable du groupe voit cette page : chaque structure ne voit que sa propre photographie.
group_campaign-share = Montrer cette page aux structures du groupe
group_campaign-unshare = Ne plus la montrer aux structures
group_campaign-nothing_yet = Aucune structure n'a encore de réponses partagées.
group_campaign-list_title = Démarches communes
group_campaign-none = Aucune démarche commune pour l'instant.
error-group_campaign-structures = Cochez au moins une structure.
flash-group_campaign_launched = Démarche lancée : chaque structure a sa campagne.
flash-group_campaign_shared = Choix enregistré.
harmonisation-title = Plan d'harmonisation
harmonisation-intro = Les actions que le groupe se donne pour partager ses pratiques. Chaque action est portée dans chaque structure par une personne de cette structure, qui en suit l'avancement chez elle.
harmonisation-others_hidden = Vous voyez les actions et les lignes de votre structure. Les lignes des autres structures apparaîtront si le ou la responsable du groupe partage la démarche.
harmonisation-empty = Aucune action pour l'instant.
harmonisation-addresses = Objectif : { $n }
harmonisation-due = à faire pour le { $n }
harmonisation-progress = Structures qui l'ont faite : { $n } sur { $arg2 }
harmonisation-lines_caption = Avancement de l'action « { $n } » dans chaque structure
harmonisation-structure = Structure
harmonisation-owner = Porteur ou porteuse
harmonisation-owner_hint = La personne qui porte l'action dans cette structure.
harmonisation-owner_none = À désigner par la structure
harmonisation-step = Étape
harmonisation-note = Où en est la structure
harmonisation-note_hint = Quelques mots pour le groupe : ce qui est fait, ce qui bloque.
harmonisation-update = Mettre à jour
harmonisation-remove = Retirer l'action
harmonisation-add_title = Ajouter une action commune
harmonisation-action_title = L'action
harmonisation-action_title_hint = Ce que toutes les structures feront, en une phrase (« Un livret d'accueil commun »).
harmonisation-description = Comment
harmonisation-node = Pilier ou objectif concerné
harmonisation-node_hint = Facultatif : l'objectif du référentiel que l'action fait progresser.
harmonisation-node_none = Aucun en particulier
harmonisation-due_on = À faire pour le
harmonisation-owners = Qui porte l'action dans chaque structure
harmonisation-owners_hint = Choisissez parmi les référents de chaque structure, ou laissez la structure désigner la personne.
harmonisation-add = Ajouter l'action
harmonisation-line_title = L'action chez { $n }
harmonisation-conflict = Quelqu'un a mis à jour cette ligne pendant que vous écriviez. Voici sa version ; la vôtre est gardée dans le formulaire. Enregistrez-la pour remplacer la sienne, en connaissance de cause.
harmonisation-theirs = Sa version :
harmonisation-save = Enregistrer
harmonisation-save_anyway = Enregistrer ma version
harmonisation-link = Plan d'harmonisation du groupe
harmonisation-consolidation_title = Consolidation du groupe, indicateur par indicateur
harmonisation-consolidation_intro = La position consolidée de chaque structure sur chaque indicateur, et celle du groupe (la moyenne des structures).
error-harmonisation-title = Écrivez l'action (200 caractères au plus).
error-harmonisation-text = 2 000 caractères au plus.
error-harmonisation-node = Choisissez un pilier ou un objectif de la liste.
error-harmonisation-due_on = Écrivez une date qui existe, par exemple 15/03/2027.
error-harmonisation-status = Choisissez une étape de la liste.
flash-harmonisation_added = Action ajoutée au plan d'harmonisation.
flash-harmonisation_line_saved = Ligne enregistrée.
flash-harmonisation_removed = Action retirée du plan d'harmonisation.
harmonisation-consolidation_show = Voir chaque indicateur
harmonisation-part_of = Cette campagne fait partie d’une démarche de votre groupe.

## A day at a venue, offline: the campaign taken out to a laptop and its results brought back
venue-link = Préparer une journée sur place, hors connexion
venue-campaign_hint = Une journée dans un lieu sans bonne connexion ?
venue-title = Journée sur place, hors connexion
venue-intro = Pour une journée dans un lieu sans internet fiable, emportez la campagne sur un ordinateur portable : les téléphones s'y connectent par le wifi du lieu (ou le partage de connexion de l'ordinateur), les ateliers et les réponses fonctionnent comme ici. De retour, rapportez les résultats : Cap vous montre ce qui a changé des deux côtés, et rien n'est écrasé sans votre choix.
venue-take_out_title = 1. Emporter la campagne
venue-take_out_intro = Téléchargez le fichier de la campagne la veille : il contient le référentiel, les participants, leurs collèges et les réponses déjà données. Il est signé par ce serveur et ne vaut que jusqu'à la date choisie.
venue-days = Nombre de jours de validité
venue-days_hint = Entre 1 et 60 jours (14 si vous laissez vide). Les résultats doivent être rapportés avant la fin.
venue-download_bundle = Télécharger le fichier de la campagne
venue-laptop_command = Sur l'ordinateur portable, lancez :
venue-bundle_file = FICHIER
venue-bring_back_title = 2. Rapporter les résultats
venue-bring_back_intro = Sur l'ordinateur portable, téléchargez les résultats depuis la page « Journée sur place » de la campagne, puis envoyez ce fichier ici. Cap le vérifie en entier avant de vous montrer ce qu'il apporte ; rien n'est écrit à cette étape.
venue-results_file = Fichier de résultats (.json)
venue-results_file_hint = Le fichier « cap-resultats-lieu-campagne-… .json » téléchargé sur l'ordinateur portable.
venue-check_results = Vérifier les résultats
venue-refused = Le fichier n'a pas été importé
venue-refused-not_a_file = Ce fichier n'est pas un fichier de résultats de Cap. Choisissez le fichier « cap-resultats-lieu-campagne-… .json » téléchargé sur l'ordinateur portable.
venue-refused-wrong_kind = Ce fichier est celui de la campagne emportée, pas ses résultats. Sur l'ordinateur portable, téléchargez les résultats et envoyez ce fichier-là.
venue-refused-format = Ce fichier vient d'une autre version de Cap. Mettez Cap à jour sur l'ordinateur portable, puis téléchargez les résultats à nouveau.
venue-refused-tampered = Ce fichier a été modifié depuis qu'il a été écrit, ou ne vient pas de ce serveur : sa signature ne correspond pas. Rien n'a été importé. Téléchargez à nouveau les résultats sur l'ordinateur portable, sans les ouvrir ni les modifier.
venue-refused-expired = La campagne emportée ne valait que jusqu'au { $n } : ses résultats ne sont plus acceptés. Rien n'a été importé.
venue-refused-other_campaign = Ces résultats sont ceux d'une autre campagne. Envoyez-les depuis la page de leur campagne.
venue-refused-too_large = Le fichier dépasse 8 Mo : ce n'est pas un fichier de résultats de Cap.
venue-refused-no_file = Choisissez le fichier de résultats à envoyer.
venue-imports_title = Résultats rapportés
venue-import_of = Résultats envoyés le { $n }
venue-applied_on = importés le { $n }
venue-waiting = à vérifier et importer
venue-copy_intro = Cet ordinateur fait tourner une copie de la campagne pour la journée. Les téléphones s'y connectent avec l'adresse affichée au lancement.
venue-copy_step_workshop = Ouvrez les ateliers depuis la page de la campagne, comme d'habitude : les téléphones rejoignent l'atelier avec son code ou son QR code.
venue-copy_step_results = En fin de journée, téléchargez les résultats ci-dessous (vous pouvez le refaire autant de fois que vous voulez : le fichier contient toujours tout).
venue-copy_step_back = De retour, envoyez ce fichier depuis la page « Journée sur place » de la campagne sur le serveur de la fédération.
venue-download_results = Télécharger les résultats
venue-download_results_hint = Gardez aussi ce fichier sur une clé USB : si l'ordinateur tombe en panne, les résultats sont dedans.
venue-banner_title = Copie pour une journée sur place.
venue-banner = Les réponses restent sur cet ordinateur jusqu'à leur retour sur { $n } (au plus tard le { $arg2 }).
venue-review_title = Résultats rapportés du lieu
venue-review_intro = Campagne emportée le { $n }, résultats écrits le { $arg2 } ; ateliers tenus sur place : { $arg3 }.
venue-count_apply =
    { $n ->
        [one] { $n } réponse changée sur place seulement : elle sera écrite
       *[other] { $n } réponses changées sur place seulement : elles seront écrites
    }
venue-count_same =
    { $n ->
        [one] { $n } réponse déjà identique ici : rien à écrire
       *[other] { $n } réponses déjà identiques ici : rien à écrire
    }
venue-count_conflict =
    { $n ->
        [one] { $n } réponse changée des deux côtés : à vous de choisir
       *[other] { $n } réponses changées des deux côtés : à vous de choisir
    }
venue-count_gone =
    { $n ->
        [one] { $n } réponse d'une personne effacée depuis : elle ne sera pas écrite
       *[other] { $n } réponses de personnes effacées depuis : elles ne seront pas écrites
    }
venue-conflicts_title = Réponses changées des deux côtés
venue-conflicts_intro = Pour chacune, gardez la réponse du serveur ou prenez celle du lieu. Rien n'est écrit tant que vous n'avez pas choisi pour toutes.
venue-shared_answer = réponse commune
venue-on_server = Sur le serveur
venue-at_venue = Sur place
venue-keep_server = Garder la réponse du serveur
venue-take_venue = Prendre la réponse du lieu
venue-apply = Importer les résultats
venue-not_applied = Rien n'a été importé
venue-undecided =
    { $n ->
        [one] Choisissez une réponse pour la { $n } réponse changée des deux côtés.
       *[other] Choisissez une réponse pour chacune des { $n } réponses changées des deux côtés.
    }
venue-changed_meanwhile = Une réponse a encore changé sur le serveur pendant que vous relisiez. Voici la comparaison à jour : vérifiez-la puis importez à nouveau.
venue-all_title = Toutes les réponses rapportées
venue-indicator = Indicateur
venue-whose = Réponse de
venue-outcome = Ce qui sera fait
venue-outcome_apply = écrite
venue-outcome_same = déjà identique
venue-outcome_conflict = à choisir
venue-outcome_gone = non écrite (personne effacée)
error-venue-days = Écrivez un nombre de jours entre 1 et 60
flash-venue_applied = Résultats du lieu importés.
flash-venue_already_applied = Ces résultats avaient déjà été importés : rien n'a changé.
venue-no_new_people = Sur cette copie, on n'ajoute personne à la campagne : une personne ajoutée ici n'existerait pas sur le serveur, et ses réponses ne pourraient pas y revenir. Ajoutez-la sur le serveur avant la journée, ou faites-la participer aux ateliers par son téléphone.
venue-show_link = Lien personnel
flash-venue_no_new_people = On n'ajoute personne sur une copie de lieu : ajoutez la personne sur le serveur de la fédération.
deployment-and_others =
    { $n ->
        [one] et { $n } autre
       *[other] et { $n } autres
    }
