### English interface, in Fluent: https://projectfluent.org/fluent/guide/
### Same identifiers as fr.ftl. The identifier `campaign-progress` is the key `campaign.progress` in
### the code; { $n } is the first value the code passes, { $arg2 }, { $arg3 }… the next ones.
### Plurals select on $n: [one] for 1 in English, *[other] otherwise.

## nav

nav-menu = Menu
nav-practices = Good practices
nav-network = Network
nav-deployment = Roll-out
nav-directory = Pairs
nav-my_campaign = My campaign
nav-referentials = Referentials
nav-label = Main navigation
nav-home = Home
nav-admin = Administration
nav-account = My account
nav-sign_out = Sign out

## common

common-scrollable_table = Table, scroll sideways if needed
common-skip_to_content = Skip to content
common-other_lang_code = fr
common-other_lang_name = Français
common-footer = Cap — Ambition and Progress. Continuous improvement for work-integration social enterprises.
common-error_summary = There is a problem
common-error_prefix = Error:
common-choose = — Choose —
common-all = All
common-save = Save
common-cancel = Cancel
common-back = Back
common-edit = Edit
common-actions = Actions
common-filter = Filter
common-breadcrumbs = Breadcrumbs
common-pagination = Pages

## error.upload

error-review-state_name = Type the person's name (200 characters at most).
error-meeting-person = Choose among the people taking part in the campaign.
error-evidence-title = Say what the document is (200 characters at most).
error-evidence-url = Type an address that starts with https:// (or http://).
error-evidence-link_or_file = Type the document's address or attach the file.
error-evidence-not_both = The address or the file, not both: clear the address to attach the file.
error-activity-negative = Type a positive number or zero.
error-activity-whole_number = Type a whole number, for example 1250.
error-activity-women_over_people = The number of women cannot exceed the number of people in pathways.
error-activity-exits_over_people = Exits cannot exceed the number of people in pathways.
error-activity-categories_over_exits = The exits by category (lasting, transitional, positive, other) exceed the total of exits.
error-upload-file_name = The file's name holds a character that is not allowed (a line break, a NUL character…) or exceeds 255 characters: rename the file, then send it again.
error-upload-encoding = This file is not UTF-8 text (line { $n }): save it as UTF-8, like the files exported from Cap, then send it again.
error-upload-nul = This text holds a NUL character (line { $n }): it is not a text file.

## error.email

error-email-required = Enter your e-mail address
error-email-invalid = Enter a valid e-mail address, like name@example.org

## error.password

error-password-required = Enter your password
error-password-too_short = Choose a password of at least 12 characters
error-password-too_long = Choose a password of 128 characters or fewer
error-password-too_simple = Choose a less simple password: a short sentence works well
error-password-mismatch = The two passwords are not the same
error-password-current_wrong = The current password is not right

## error.signin

error-signin-invalid = The e-mail address or the password is wrong
error-signin-throttled = Too many attempts: try again in 15 minutes, or choose a new password

## error.siret

error-siret-format = A SIRET number has 14 digits
error-siret-checksum = This SIRET number does not exist: check the digits
error-siret-taken = This SIRET number already belongs to another organisation

## error.name

error-name-required = Enter a name
error-name-length = Enter a name of 2 to 200 characters

## error.display_name

error-display_name-required = Enter the first and last name, or the first name only
error-display_name-length = Enter a name of 100 characters or fewer

## error.orgtype

error-orgtype-invalid = Choose the type of organisation

## error.role

error-role-invalid = Choose a role

## error.college

error-college-invalid = Choose a collège from the list
error-college-required = Choose the person's collège

## error.membership

error-membership-scope = This role does not apply to this scope

## error.scope

error-scope-required = Choose where this role applies

## error.select

error-select-invalid = Choose a value from the list

## error.region

error-region-code = Enter a code of 2 to 10 letters or digits, like ARA
error-region-required = Choose the region
error-region-taken = This region code or name already exists

## error.group

error-group-taken = A group already has this name

## error.postal_code

error-postal_code-format = A postal code has 5 digits

## error.address

error-address-length = The address is too long (300 characters at most, 100 for the city)

## error.page

error-page-stale_title = Changed in the meantime
error-page-stale = Someone saved a change to this page since you opened it, and nothing was overwritten. Go back to the page to see where it stands now, then make your change again if it is still needed.
error-page-stale_versions = You were on version { $n }; the saved version is now { $arg2 }.
error-page-back_to_page = Back to the page, to see the saved version
error-page-bad_upload = The file sent could not be read: its name may hold a character that is not allowed (a NUL character, a line break). Rename the file, then send it again.
error-page-too_large_title = Too large
error-page-too_large = What you sent exceeds the size this page accepts: { $n } at most. Go back and send a smaller file or a shorter text.
error-page-bad_request_title = Incomplete request
error-page-bad_request = The request could not be read (an incomplete form or an interrupted upload, for instance). Go back to the page and try again.
error-page-not_found_title = Page not found
error-page-not_found = This page does not exist, or you cannot open it. Check the address or go back home.
error-page-forbidden_title = Access denied
error-page-forbidden = Your role does not allow opening this page. If you think this is a mistake, contact your federation's administrators.
error-page-cross_site_title = Request refused
error-page-cross_site = This request did not come from Cap and was refused for safety. Go back to the page and try again.
error-page-internal_title = Something went wrong
error-page-internal = Nothing you saved before is lost. Try again in a moment; if it happens again, report the number below.
error-page-operation_id = Incident number:
error-page-back_home = Back to home
error-page-too_slow_title = The server is taking too long to answer
error-page-too_slow = Your request was stopped because it was taking too long. If you were sending a form, check what was saved, then try again in a moment.
error-page-busy_title = The server is very busy
error-page-busy = Many documents are being prepared right now: try again in a moment.
error-page-too_many_title = Too many requests at once
error-page-too_many = You asked for many documents in a short time: try again in a minute.

## flash

flash-state_access_given = Access given: the person received the link by e-mail.
flash-evidence_added = Evidence added.
flash-evidence_confirmed = Evidence confirmed for this campaign.
flash-evidence_removed = Evidence removed.
flash-activity_saved = Activity figures saved.
flash-activity_changed = Someone saved other figures meanwhile: they are in the table; check, then save again.
flash-readiness_added = Added to the progress plan: one action per requirement chosen.
flash-readiness_no_plan = Create the progress plan first, then come back to add these requirements.
flash-readiness_nothing = These requirements already have their actions in the plan, or nothing remains to do.
flash-voice_saved = Thank you, your view is saved. You can change it whenever you like.
flash-meeting_changed = This meeting was changed meanwhile: nothing was cancelled. Check it before trying again.
flash-meetings_exist = The calendar already has meetings: add them one by one.
flash-meetings_proposed = Calendar suggested: change the dates, places and invited people, then tell them.
flash-meeting_cancelled = Meeting cancelled. The invited people were told.
flash-meeting_sent = Meeting saved. The invited people received the invitation by e-mail.
flash-meeting_saved = Meeting saved.
flash-voter_present = The person is back in the room.
flash-voter_absent = The person is marked absent: their votes still count, they are no longer awaited.
flash-voter_admitted = The person may vote.
flash-suggestion_sent = Your suggestion was sent to the coordination.
flash-suggestion_accepted = The suggestion is accepted; the plan is up to date.
flash-suggestion_declined = The suggestion is declined.
flash-suggestion_already_decided = This suggestion was already answered, or the plan changed meanwhile: here is the list as it stands.
flash-accompaniment_planned = The day's plan is saved.
flash-accompaniment_concluded = The day is concluded; the coordinators received the decision by e-mail.
flash-accompaniment_concluded_no_mail = The day is concluded, but the decision's e-mail could not be sent to the coordinators.
flash-share_saved = Sharing with the delegation saved.
flash-practice_resubmitted = Your correction goes to the regional delegation.
flash-practice_shared = Thank you: your practice goes to the regional delegation, which reads it before publishing it.
flash-practice_deleted = Your practice is withdrawn.
flash-practice_published = Practice published: every member of the network can read it.
flash-practice_rejected = Practice not published: its author receives your explanation.
flash-presentation_saved = Presentation saved.
flash-informed_saved = The organisation's stage is updated.
flash-volunteer_saved = The organisation's volunteering is recorded.
flash-feedback_sent = Thank you: your remark was sent to the federation.
flash-feedback_triaged = Remark updated.
flash-feedback_status_missing = Choose a status.
flash-token_revoked = Token revoked.
flash-attendees_saved = Training attendees saved.
flash-comment_saved = Comment posted.
flash-reviewer_invited = Invitation sent: access is open for the chosen period.
flash-reviewer_invited_no_mail = Access opened, but the invitation e-mail could not be sent: tell the person yourself.
flash-reviewer_revoked = Access removed.
flash-thread_reopened = Discussion reopened.
flash-thread_resolved = Discussion marked as resolved.
flash-training_saved = Training saved.
flash-volunteered = You are listed in the pair directory.
flash-pair_proposed = The person is proposed as a pair: they got an e-mail.
flash-pair_already = This person is already in the directory or proposed.
flash-pair_choose = Choose a person.
flash-pair_accepted = You are listed in the pair directory. Enrol in a training.
flash-pair_declined = Proposal declined: you are not in the directory.
flash-training_enrolled = You are enrolled in the training.
flash-training_unenrolled = You are no longer enrolled in this training.
flash-withdrawn = You are no longer listed in the pair directory.
flash-plan_imported = Plan updated from the workbook.
flash-targets_saved = Targets saved.
flash-checkpoint_saved = Checkpoint saved.
flash-plan_too_early = The plan is prepared once a pillar's consolidation has begun.
flash-plan_calendar_invalid = Give a real start date and one of the horizons offered.
flash-plan_generated = Plan proposed: accept, edit, merge or discard the actions.
flash-plan_more_proposed = Proposals added at the end of the plan for the pillars consolidated since.
flash-plan_exists = This campaign already has a plan.
flash-plan_saved = Plan saved.
flash-plan_changed = Someone changed the plan meanwhile: check it and try again.
flash-plan_validated = Plan validated: follow-up starts.
flash-plan_select_some = Tick at least one action.
flash-plan_accepted = Actions accepted.
flash-plan_discarded = Actions discarded.
flash-plan_merged = Actions merged into one.
flash-plan_merge_two = Tick at least two actions to merge.
flash-action_saved = Action saved.
flash-workshop_opened = Workshop open: show the projector view.
flash-workshop_empty = No indicator rated on the scale in this choice.
flash-workshop_closed = Workshop closed.
flash-workshop_recorded = Level agreed saved.
flash-workshop_choose_level = Choose the level agreed.
flash-voter_removed = The person was removed from the workshop.
flash-assignment_saved = Assignment saved.
flash-campaign_invite_incomplete = Enter a first name (100 characters at most), a collège and, if you give one, a valid e-mail address.
flash-reminder_sent = The reminder is on its way.
flash-reminder_failed = The reminder could not leave: check the e-mail settings.
flash-consolidated = Shared answer saved.
flash-consolidation_closed = Consolidation is not open for this campaign.
flash-protect_saved = Option saved.
flash-campaign_created = Campaign created. Choose the pillars and add the participants.
flash-campaign_advanced = The campaign moved to the next step.
flash-campaign_changed = The campaign changed meanwhile: nothing was changed, check and try again.
flash-campaign_needs_participants = Add at least one participant before opening answers.
flash-participant_added = Participant added.
flash-participant_already = This person already takes part.
flash-participant_incomplete = Choose the person and their collège.
flash-participant_not_member = This person is not a member of the organisation: invite them first.
flash-scope_saved = Pillars saved.
flash-scope_refused = Choose at least one pillar; once answers are open, pillars can only be added, until the consolidation ends.
flash-answers_saved = Answers saved.
flash-answers_closed = Answers are closed for this campaign.
flash-pillar_closed = Answers are closed for these questions: their pillar has moved on to consolidation. The other pillars stay open.
flash-pillar_moved = The pillar moved on to its next step.
flash-pillar_refused = This pillar has already changed step, or the campaign has moved past it. Here is where it stands.
flash-referential_imported = Referential imported.
flash-offers_imported = Offer of services imported.
flash-offer_saved = Offer saved.
flash-cannot_erase_self = You cannot erase your own account: ask another administrator.
flash-user_erased = The person was erased: their name and address are gone, their contributions stay anonymous.
flash-signed_out = You are signed out.
flash-password_reset = Your password was changed. Sign in with the new one.
flash-password_changed = Your password was changed. Your other sessions were closed.
flash-welcome = Welcome to Cap! Your account is ready.
flash-invitation_accepted = Invitation accepted. Sign in to go on.
flash-setup_done = Your administrator account is ready. Start with regions and organisations.
flash-region_created = Region added.
flash-region_updated = Region saved.
flash-group_created = Group added.
flash-organisation_created = Organisation added.
flash-organisation_updated = Organisation saved.
flash-member_removed = The person was removed from the organisation.
flash-role_removed = The role was removed.
flash-last_admin = Not possible: at least one federation administrator must remain.

## auth

auth-email = E-mail address
auth-password = Password
auth-new_password = New password
auth-password_hint = At least 12 characters. A short sentence you remember easily works well.
auth-confirmation = Confirm the password
auth-display_name = Name
auth-display_name_hint = The first name alone is enough.
auth-back_to_sign_in = Back to sign-in

## auth.sign_in

auth-sign_in-title = Sign in
auth-sign_in-submit = Sign in
auth-sign_in-forgot = Forgot your password?
auth-sign_in-no_account = No account yet? Cap works by invitation: ask your organisation's Cap coordinator.

## auth.forgot

auth-forgot-title = Forgotten password
auth-forgot-intro = Enter your account's e-mail address: we will send you a link to choose a new password.
auth-forgot-submit = Send me the link
auth-forgot-sent = If an account exists for { $n }, an e-mail is on its way with a link valid for one hour. Check your spam folder too.

## auth.reset

auth-reset-title = Choose a new password
auth-reset-for = For the account { $n }
auth-reset-submit = Save the password

## auth.link_invalid

auth-link_invalid-title = This link no longer works
auth-link_invalid-body = The link was already used or has expired. Ask for a new one: from the person who invited you, or with "Forgot your password?".

## auth.invitation

auth-invitation-title = Join Cap
auth-invitation-role = Your role
auth-invitation-invited_by = Invited by
auth-invitation-existing_account = You already have a Cap account with this address: accept, then sign in.
auth-invitation-create_account = Choose your name and a password to create your account.
auth-invitation-accept = Accept the invitation

## auth.setup

auth-setup-title = Create the administrator account
auth-setup-intro = Cap has just been installed. This account runs the federation: regions, organisations, accounts. This link works once.
auth-setup-submit = Create the account

## account

account-privacy = My data
account-export_hint = Download everything Cap keeps about you (account, roles, actions) as a JSON file.
account-export = Download my data
account-title = My account
account-roles = My roles
account-no_roles = No role yet.
account-change_password = Change password
account-current_password = Current password
account-change_password_submit = Change the password

## home

home-to_answer = To answer
home-answered_of = Answers given: { $n } of { $arg2 }
home-answer_by = due by
home-start_answering = Start answering
home-resume_answering = Resume my answers
home-review_answers = Review my answers
home-day_of_campaign = Accompaniment day of "{ $n }"
home-suggestions = Your suggestions — accepted: { $n } · declined: { $arg2 } · waiting: { $arg3 }
home-accompanying = Organisations I accompany
home-day_held = Accompaniment day of
home-day_to_record = Plan or record the accompaniment day
home-threads_waiting = Threads waiting for your answer: { $n }
home-practices_waiting =
    { $n ->
        [one] { $n } good practice to review
       *[other] { $n } good practices to review
    }
home-reviewing = Self-assessments to review as a pair
home-reviewing_until = Access until
home-title = Home
home-hello = Hello { $n }
home-admin_title = Federation administration
home-admin_intro = Regions, member organisations, groups, accounts and the log of changes.
home-admin_link = Open administration
home-my_regions = My regional delegations
home-my_groups = My groups
home-my_organisations = My organisations
home-no_organisation = You are not attached to any organisation yet.

## org

org-contacts = The organisation's contacts
org-invite_first = Invite its first coordinator
org-follow_hint = You see where its process stands. Its answers and results stay with the organisation, unless it shares a campaign with the delegation or invites you as its tiers.
org-shared_tag = Shared with the delegation
org-not_openable = Results not shared
org-name = Organisation name
org-type = Type of organisation
org-region = Region
org-group = Group (GES)
org-group_hint = If the organisation belongs to a social-economy group.
org-no_group = No group
org-siret = SIRET (optional)
org-siret_hint = 14 digits, spaces allowed.
org-address = Address
org-postal_code = Postal code
org-city = City
org-members = Members
org-no_members = Nobody is attached to this organisation yet.
org-role = Role
org-college = Collège
org-college_hint = The viewpoint the person speaks from. Required for a participant.
org-remove = Remove
org-remove_confirm = Remove this role? The person will lose access to this part of Cap.
org-invite_member = Invite someone
org-invite_title = Invite someone
org-invite_intro = The person gets an e-mail with a personal link, valid for 14 days.
org-invite_name_hint = The first name alone is enough, for an employee in insertion for instance.
org-invite_submit = Send the invitation
org-invitation_sent_title = Invitation sent
org-invitation_sent = The invitation is on its way to { $n }.
org-invitation_not_mailed = The e-mail to { $n } could not leave. Give them this personal link another way:
org-none = No organisation.
org-list_caption = Organisations

## orgtype

orgtype-AI = Intermediary association
orgtype-ACI = Integration workshop and worksite
orgtype-EI = Integration enterprise
orgtype-ETTI = Temporary-work integration enterprise
orgtype-EITI = Self-employment integration enterprise
orgtype-GEIQ = Employers' group for integration and qualification
orgtype-SAP = Personal services
orgtype-OTHER = Other organisation

## role

role-federation_admin = Federation administrator
role-regional_delegate = Regional delegate
role-coordinator = Cap coordinator
role-participant = Participant
role-group_lead = Group lead (GES)

## college

college-direction = Management
college-permanent_staff = Permanent staff
college-board_member = Board member
college-volunteer = Volunteer
college-insertion_employee = Employee in insertion

## admin

admin-referentials = Referentials
admin-services = Offer of services
admin-erase = Erase
admin-erase_confirm = Erase this person for good? Their name and address will disappear; their contributions will stay, anonymous. This cannot be undone.
admin-title = Administration
admin-organisations = Organisations
admin-regions = Regions
admin-groups = Groups (GES)
admin-users = Accounts
admin-audit = Log of changes
admin-audit_hint = Who did what, and when.
admin-no_regions = No region yet.
admin-add_region = Add a region
admin-edit_region = Edit the region
admin-groups_intro = A social-economy group (GES) brings several organisations together.
admin-no_groups = No group yet.
admin-add_group = Add a group
admin-add_organisation = Add an organisation
admin-edit_organisation = Edit the organisation
admin-search = Name or city
admin-stale_title = Someone changed this organisation while you were editing it.
admin-stale_body = Nothing was overwritten. Here is what is saved now; what you typed is kept in the form. Save again to apply it.
admin-invite = Invite someone
admin-invite_intro = Choose the role, then the organisation, region or group it applies to.
admin-role_hint = An organisation for a coordinator or participant; a region for a delegate; a group for a group lead.
admin-for_organisation = Organisation
admin-for_organisation_hint = For a Cap coordinator or a participant.
admin-for_region = Region
admin-for_region_hint = For a regional delegate.
admin-for_group = Group
admin-for_group_hint = For a group lead.
admin-roles = Roles
admin-pending = invitation pending

## region

region-code = Code
region-code_hint = Short and unique, like ARA or HDF.
region-name = Name
region-delegation = Regional delegation
region-organisation_count =
    { $n ->
        [one] { $n } organisation
       *[other] { $n } organisations
    }

## group

group-side_by_side = The organisations side by side
group-side_by_side_intro = Each of the group's organisations' latest score by theme and objective, and the group's mean: see where one organisation can help the others.
group-mean = Group mean
group-name = Group name
group-kind = Social-economy group
group-sources_title = Where the figures come from
group-source = campaign "{ $n }", results settled on { $arg2 }
group-source_in_progress = campaign "{ $n }", being consolidated: provisional figures
group-source_other_version = its latest campaign follows another version of the referential: it is not set side by side here
group-source_none = no consolidated campaign shared with the network yet
group-radars_title = Each structure beside the group
group-radars_intro = One radar per structure: its scores by theme, and the group's mean dashed.
group-radar_title = { $n } beside the group's mean
group-radar_figure = { $n }: { $arg2 } (group: { $arg3 })
group-divergences_title = Where the structures differ the most
group-divergences_intro = The objectives with the widest gap between the lowest and the highest structure: good subjects for sharing practices.
group-divergences_none = The structures have close scores on every objective.
group-divergence = { $n }: { $arg2 } for { $arg3 }, { $arg4 } for { $arg5 } ({ $arg6 } points apart)

## audit

audit-empty = No change recorded.
audit-when = When
audit-who = Who
audit-action = Action
audit-what = On what
audit-address = IP address
audit-older = Older entries
audit-filters = Filter the log
audit-organisation = Organisation (part of its name)
audit-person = Person (part of their e-mail address)
audit-kind = Kind of action
audit-every_kind = Every kind
audit-from = From
audit-until = Until (included)
audit-filter = Filter
audit-clear = Show everything
audit-none_matching = No entry matches these filters.

## refcheck

refcheck-easy_read_not_indicator = { $n } is not an indicator: only an indicator may have an easy-to-read statement (easy_read)
refcheck-syntax = The file is not valid TOML: { $n }
refcheck-kind_unknown = Node { $n } has an unknown kind "{ $arg2 }": pillar, general_objective, operational_objective or indicator
refcheck-answer_unknown = Indicator { $n } has an unknown answer type "{ $arg2 }": level, yes_no, number or text
refcheck-orgtype_unknown = Node { $n } names an unknown organisation type "{ $arg2 }": AI, ACI, EI, ETTI, EITI, GEIQ, SAP or OTHER
refcheck-relation_unknown = The mapping of node { $n } has an unknown relation "{ $arg2 }": equal, subset, superset or intersect
refcheck-change_unknown = The code change { $n } has an unknown kind "{ $arg2 }": renamed, split, merged or removed
refcheck-offer_kind_unknown = Offer { $n } has an unknown kind "{ $arg2 }": formation, outil or accompagnement
refcheck-header_missing = The field "{ $n }" is missing from [referential]
refcheck-code_invalid = The code "{ $n }" may only hold letters, digits, dots, hyphens and underscores
refcheck-scale_too_short = The scale needs at least two levels
refcheck-level_order = Scale levels must increase: level { $n } does not come after the one before
refcheck-level_label_missing = Scale level { $n } has no label
refcheck-default_target_outside = The default target { $n } is not a level of the scale
refcheck-node_code_invalid = The code "{ $n }" may only hold letters, digits, dots, hyphens and underscores
refcheck-duplicate_code = The code { $n } is already used (line { $arg2 })
refcheck-pillar_with_parent = Pillar { $n } must not have a parent
refcheck-parent_required = Node { $n } must name its parent
refcheck-parent_after = Node { $n } must come after its parent { $arg2 }
refcheck-parent_missing = Node { $n } names the parent { $arg2 }, which does not exist
refcheck-parent_kind = Node { $n } cannot sit under { $arg2 }: the parent must be of a higher level
refcheck-title_missing = { $n } has no title
refcheck-statement_missing = Indicator { $n } has no statement
refcheck-number_fields = { $n }: unit, min and max only belong to "number" indicators
refcheck-bounds_reversed = { $n }: min must be less than or equal to max
refcheck-weight_invalid = { $n }: the weight must be a whole number of 1 or more
refcheck-target_not_level = { $n }: a target level only applies to indicators rated on the scale
refcheck-target_outside = { $n }: the target level { $arg2 } is not a level of the scale
refcheck-service_unknown = { $n } links to the offer of services { $arg2 }, which does not exist
refcheck-mapping_self = { $n }: a mapping must point to another referential
refcheck-mapping_referential_unknown = { $n } links to the referential { $arg2 }, which is not loaded
refcheck-mapping_node_unknown = { $n } links to node { $arg2 } { $arg3 }, which does not exist
refcheck-code_map_without_previous = The code map ({ $n }) needs "previous" in [referential]
refcheck-code_map_old_unknown = The code { $n } does not exist in the previous version
refcheck-code_map_new_unknown = The code { $n } becomes { $arg2 }, which does not exist in this version
refcheck-code_map_change = Code { $n }: the change "{ $arg2 }" does not match the number of new codes
refcheck-description_missing = Offer { $n } has no description
refcheck-version_exists = Version { $n } { $arg2 } is already imported: a version never changes, publish a new one

## referential.kind

referential-kind-pillar = Pillar
referential-kind-general_objective = General objective
referential-kind-operational_objective = Operational objective
referential-kind-indicator = Indicator

## referential.answer

referential-answer-level = Level on the scale
referential-answer-yes_no = Yes or no
referential-answer-number = Number
referential-answer-text = Free text

## offer.kind

offer-kind-formation = Training
offer-kind-outil = Tool
offer-kind-accompagnement = Accompaniment

## error.offer

error-offer-code = Enter a short code of letters, digits, dots and hyphens, like F-PROJET
error-offer-kind = Choose the kind of offer
error-offer-description = Describe the offer in a few lines
error-offer-taken = An offer already has this code

## referential

referential-easy_read = In simple words
referential-list_title = Referentials
referential-list_intro = Referentials describe what an organisation assesses itself against. Each version is frozen once a campaign uses it.
referential-none = No referential loaded.
referential-version = version { $n }
referential-indicator_count =
    { $n ->
        [one] { $n } indicator
       *[other] { $n } indicators
    }
referential-builtin = Example shipped with Cap
referential-builtin_notice = This referential is an example written for Cap. Your federation replaces it with its official version.
referential-frozen = Frozen: used by a campaign
referential-scale = Rating scale
referential-not_applicable = Not applicable
referential-not_applicable_hint = The practice does not apply to the organisation; it does not count in results.
referential-unknown = I don't know
referential-unknown_hint = The person does not have the information; it does not count in results.
referential-search = Search
referential-search_label = Search the referential
referential-search_hint = A word of the statement, of the indicative methods, or a code.
referential-search_submit = Search
referential-all_types = All organisation types
referential-results =
    { $n ->
        [one] { $n } indicator found
       *[other] { $n } indicators found
    }
referential-no_results = No indicator matches. Try another word.
referential-back_to_tree = Back to the tree
referential-tree = Tree
referential-answer_type = Answer type
referential-applies_to = Applies to
referential-weight = Weight
referential-target = Recommended target level
referential-guidance = Indicative methods and means
referential-evidence = Examples of evidence
referential-children = Contents
referential-services = Linked offer of services
referential-contact = Contact:
referential-mappings = Mappings
referential-mapping_node = Node
referential-relation = This node…
referential-rationale = Why
referential-import_title = Import a referential
referential-import_intro = Send a referential (or offer of services) file in the documented format. Everything is checked before anything is written.
referential-import_file = TOML file
referential-import_file_hint = A .toml file, 4 MB at most.
referential-import_text = Or paste its content
referential-import_text_hint = Used when no file is chosen; kept when the file has problems.
referential-import_submit = Check and import
referential-import_report =
    { $n ->
        [one] { $n } problem to fix
       *[other] { $n } problems to fix
    }
referential-import_report_caption = Problems found, by line
referential-import_nothing_written = Nothing was imported. Fix these points, then send the file again.
referential-import_empty = Choose a file or paste its content.
referential-import_exists = This version is already imported: a version never changes, publish a new one.
referential-line = Line
referential-problem = Problem
referential-code = Code
referential-node = Node
referential-diff_title = Compare two versions
referential-diff_from = Original version
referential-diff_to = New version
referential-diff_submit = Compare
referential-diff_counts = Added: { $n }; removed: { $arg2 }; changed: { $arg3 }.
referential-diff_scale = The scale changed.
referential-diff_none = No difference.
referential-diff_change = Change
referential-diff_detail = Detail
referential-diff_added = Added
referential-diff_removed = Removed
referential-diff_changed = Changed
referential-diff_now = becomes { $n }

## offer

offer-title = Offer of services
offer-intro = The federation's trainings, tools and accompaniments, proposed against objectives and indicators.
offer-none = No offer yet.
offer-add = Add an offer
offer-edit = Edit the offer
offer-kind_label = Kind
offer-title_label = Title
offer-title_en = English title (optional)
offer-description = Description
offer-contact = Contact (optional)
offer-region = Scope
offer-region_hint = National, or for one region only.
offer-national = National
offer-code_hint = Short and stable: referentials link to it. It never changes afterwards.
offer-stale_title = Someone changed this offer while you were editing it.

## referential.relation_label

referential-relation_label-equal = is equivalent to
referential-relation_label-subset = is part of
referential-relation_label-superset = contains
referential-relation_label-intersect = overlaps

## error.answer

error-answer-level = Choose one of the levels offered
error-answer-yes_no = Answer yes or no
error-answer-number = Enter a number, like 12 or 12.5
error-answer-number_bounds = This number is outside the limits set for this indicator
error-answer-text_length = Your answer is too long (4,000 characters at most)

## pillar_step

pillar_step-answering = Being answered
pillar_step-consolidation = Being consolidated
pillar_step-consolidated = Consolidated

## activity

activity-title = Activity figures
activity-intro = The year's figures for the management dialogue with the State's services: people in pathways, hours, exits by category. You type the counts once; the rates are computed from them.
activity-none_yet = No figures typed for this campaign yet.
activity-caption = Activity figures and computed rates
activity-figure = Figure
activity-unit = Unit
activity-total = Network total
activity-rates_hint = Exit rates are computed over the number of exits; the share of women over the number of people in pathways.
activity-form_title = Type the year's figures
activity-save = Save the figures
activity-people = People employed in a pathway over the year
activity-women = Of whom women
activity-hours_worked = Hours worked by people in pathways
activity-training_hours = Hours of training followed
activity-exits = Exits from pathways over the year
activity-exits_hint = Everyone who left their pathway during the year, whatever came next.
activity-durable = Of which exits to lasting employment
activity-durable_hint = Permanent contract, fixed-term contract or temping of six months or more, starting a business.
activity-transition = Of which exits to transitional employment
activity-transition_hint = Fixed-term contract or temping of less than six months, subsidised contract outside insertion.
activity-positive = Of which positive exits
activity-positive_hint = Qualifying training, hiring by another insertion structure, other exit recognised as positive.
activity-other = Of which other exits
activity-unit_people = people
activity-unit_hours = hours
activity-unit_exits = exits
activity-rate_women = Share of women
activity-rate_durable = Rate of exits to lasting employment
activity-rate_transition = Rate of exits to transitional employment
activity-rate_positive = Rate of positive exits
activity-rate_dynamic = Rate of dynamic exits
activity-link = Activity figures
activity-network_title = The network's activity figures
activity-network_intro = Totals of the latest figures typed by { $n } structures; the rates are computed on the totals.

## ess

ess-title = Presentation to the general assembly: the social-economy good-practice guide
ess-generated_on = Prepared on { $n } from the Cap self-assessment
ess-intro = For each of the eight themes of the good-practice guide of social-economy enterprises, this document sets out what our organisation does (the shared answers of our self-assessment and their reasons) and our progress objectives (the actions of our plan). The board may change it before the general assembly.
ess-status = Where we stand
ess-questions = The guide's questions
ess-practice = What we do
ess-objectives = Our progress objectives
ess-nothing = Nothing yet.
ess-no_objective = No action of the plan works on this theme yet.
ess-due = due
ess-link = Presentation to the general assembly (ESS guide)
ess-link_source = editable version

## evidence

evidence-title_section = Evidence
evidence-none = No evidence yet: minutes, a procedure, a training plan… show the practice.
evidence-add_title = Add evidence
evidence-intro = Say where the document is kept (shared drive, website), or attach it: Cap keeps it with the answer. The evidence follows the shared answer on the « Ready for certification? » page and moves to the next campaign, where it only needs confirming.
evidence-title = What it is
evidence-title_hint = For instance: Minutes of the board meeting of 12 March 2026.
evidence-url = Address of the document
evidence-url_hint = It starts with https:// (or http://).
evidence-where = Where to find the document: its address, or the file itself
evidence-file = Or the file
evidence-file_hint = 5 MB at most: PDF, image (PNG, JPEG), Word, Excel, PowerPoint, OpenDocument, text or CSV.
evidence-file_dropped = For your security, the browser does not keep the chosen file: choose it again before sending.
evidence-add = Add the evidence
evidence-to_review = Carried from the previous campaign: still valid?
evidence-confirm = Yes, still valid
evidence-remove = Remove
evidence-on_clause = Evidence
evidence-to_review_short = to confirm

## campaign.status

campaign-status-preparation = Preparation
campaign-status-self_assessment = Self-assessment
campaign-status-consolidation = Consolidation
campaign-status-review = Review
campaign-status-plan_validated = Plan validated
campaign-status-follow_up = Follow-up
campaign-status-closed = Closed

## error.date

error-date-invalid = Enter a date that exists, for example 10/12/2026 or 10 December 2026
error-date-order = Enter a date after the previous step

## campaign

campaign-share_title = Sharing with the regional delegation
campaign-share_intro = By default, only the organisation's participants and the reviewers you invite read the results. If you share this campaign, your region's delegates will read its photographie, plan and reports, without changing anything. You can withdraw the sharing at any time; every reading is logged.
campaign-share_on = Share the results with the regional delegation
campaign-share_save = Save sharing
campaign-shared_now = This campaign is shared with the regional delegation.
campaign-assigned = assigned
campaign-assign = Assign
campaign-assignment_title = Assignment
campaign-assignment_for = What { $n } assesses
campaign-assignment_intro = Tick pillars, objectives or indicators: the person will answer what they contain. With nothing ticked, they answer everything.
campaign-assignment_legend = Parts of the referential assigned
campaign-link_title = Personal link created
campaign-link_qr_alt = QR code of { $n }'s personal link: to scan with their phone's camera
campaign-link_mailed = { $n } received their personal link at { $arg2 }.
campaign-link_hand_over = Give this personal link to { $n } (printed, by text message…): it opens the campaign without a password.
campaign-link_hint = This link opens this campaign only, for six months. Share it only with the person concerned.
campaign-newcomer = Add someone new
campaign-newcomer_intro = A first name and a collège are enough. The person gets a personal link, no password to create.
campaign-email_optional = E-mail address (optional)
campaign-email_hint = Without an address, you hand the link over yourself.
campaign-newcomer_submit = Add and create their link
campaign-personal_link_notice = You came in with your personal link: you see this campaign only.
campaign-full_account = Create a full account with a password
campaign-late = late
campaign-remind = Send a reminder
campaign-dashboard = Dashboard
campaign-untouched =
    { $n ->
        [one] { $n } indicator with no answer at all out of { $arg2 }.
       *[other] { $n } indicators with no answer at all out of { $arg2 }.
    }
campaign-most_divergent = Where viewpoints differ most
campaign-list_title = Self-assessment campaigns
campaign-none = No campaign yet.
campaign-not_shared = { $n ->
    [one] One campaign of this organisation is not shared with you: it stays with the organisation, which decides who reads it.
   *[other] { $n } campaigns of this organisation are not shared with you: they stay with the organisation, which decides who reads them.
}
campaign-new_title = New campaign
campaign-new_intro = Choose the referential and the calendar. You will then choose the pillars and the participants.
campaign-default_title = Self-assessment
campaign-title = Title
campaign-referential = Referential
campaign-referential_hint = The chosen version is frozen once answers open.
campaign-answering_from = Answers open
campaign-consolidation_on = Consolidation
campaign-restitution_on = Restitution
campaign-date_hint = Optional. For example 10/12/2026 or 10 December 2026.
campaign-create = Create the campaign
campaign-steps = Steps
campaign-step_done = done
campaign-indicators = Indicators to assess
campaign-my_progress = My answers
campaign-progress =
    { $n ->
        [one] { $n } answer out of { $arg2 }
       *[other] { $n } answers out of { $arg2 }
    }
campaign-scope = Pillars assessed
campaign-scope_legend = Pillars to assess
campaign-scope_hint = You may start with one pillar and add the others later.
campaign-pillar_step = Step
campaign-pillar_consolidate = Move "{ $n }" to consolidation
campaign-pillar_close = Finish consolidating "{ $n }"
campaign-pillar_consolidate_confirm = This pillar's individual answers will be frozen; the other pillars stay open. Continue?
campaign-pillar_close_confirm = This pillar's shared answers will be final and its results no longer provisional. Continue?
campaign-scope_hint_open = Answers are open: you may add pillars, not remove them, until the consolidation ends. An added pillar opens to answers.
campaign-scope_save = Save the pillars
campaign-my_answers = My answers
campaign-participants = Participants
campaign-no_participants = Nobody has been added yet.
campaign-answered = Answers
campaign-add_participant = Add a participant
campaign-member = Member of the organisation
campaign-member_hint = People already invited to the organisation.
campaign-invite_hint = Invite someone new to the organisation
campaign-next_step = Next step
campaign-advance_hint = Moving to the next step cannot be undone: when answers open, the referential is frozen; at consolidation, individual answers are frozen.
campaign-advance_confirm = Move to the next step? This cannot be undone.
campaign-advance_to = Move to: { $n }
campaign-start_answering = Start answering
campaign-continue_answering = Resume my answers

## answer

answer-easy_read = In simpler words
answer-hide_levels = Hide what each level means
answer-show_levels = Show what each level means
answer-next_open = Next unanswered question
answer-pillar_progress =
    { $n ->
        [one] { $n } answer out of { $arg2 } in this pillar · { $arg3 } out of { $arg4 } in all
       *[other] { $n } answers out of { $arg2 } in this pillar · { $arg3 } out of { $arg4 } in all
    }
answer-pillar_page = Pillar « { $n } » · page { $arg2 } of { $arg3 }
answer-decided_in_workshop = Decided in a workshop: { $n }. You need not answer; you may still give your view.
answer-none = No answer
answer-yes = Yes
answer-no = No
answer-page_of = Page { $n } of { $arg2 }
answer-how_to = How to assess?
answer-figure = Your figure
answer-text = Your answer
answer-comment = Comment (optional)
answer-saved_at = Saved on { $n }
answer-conflict = This answer was changed elsewhere (another tab or device): "{ $n }" is saved. Your choice was not saved; choose again to replace it.
answer-conflict_short = changed elsewhere, nothing was overwritten
answer-save_next = Save and continue
answer-save_finish = Save and finish
answer-previous = ‹ Previous
answer-next = Next ›

## error.consolidation

error-consolidation-value_required = Choose the organisation's shared answer
error-consolidation-rationale_required = Say in a few words why the shared answer departs from the proposed level

## consolidation

consolidation-someone = Someone
consolidation-protected_hint = Collèges of fewer than three people: their answers are merged, or only counted in the total, and their comments are attributed to nobody.
consolidation-title = Consolidation
consolidation-intro = For each indicator: how individual answers spread, the gap between the highest and the lowest, and the proposed level (the median). Indicators where viewpoints differ most come first.
consolidation-not_open = Consolidation opens pillar by pillar, from the campaign's page; the pillar's individual answers are frozen then.
consolidation-to_come = Still being answered, to consolidate later: { $n }.
consolidation-decided =
    { $n ->
        [one] { $n } indicator decided out of { $arg2 }
       *[other] { $n } indicators decided out of { $arg2 }
    }
consolidation-order_divergence = Sort by divergence
consolidation-order_tree = Sort in the referential's order
consolidation-caption = Individual answers and shared answer, per indicator
consolidation-na_short = NA
consolidation-missing = No answer
consolidation-spread = Gap
consolidation-proposal = Proposal
consolidation-shared = Shared answer
consolidation-to_decide = to decide
consolidation-answers = Individual answers
consolidation-who = Who
consolidation-everyone = Everyone
consolidation-other_colleges = Other collèges together
consolidation-protected = Collèges of fewer than three people are merged or hidden, so everyone can speak freely.
consolidation-comments = Comments
consolidation-decision = The organisation's shared answer
consolidation-rationale = Why (required when you depart from the proposal)
consolidation-rationale_hint = A few words from the discussion are enough.
consolidation-save = Save the shared answer
consolidation-conflict = Someone saved another shared answer meanwhile: "{ $n }". Nothing was overwritten; save again to replace it.
consolidation-protect_label = Show answers by collège only for collèges of at least three people

## error.workshop

error-workshop-seat_tries = Too many tries for this first name: ask the facilitator for your seat, they see it on their screen.
error-workshop-seat = The seat code has 3 letters or digits
error-workshop-seat_unknown = This code matches no seat of this first name: check it, or join as a new person
error-workshop-closed = This workshop is over: it takes no more votes
error-workshop-code = The code has 6 letters and digits, as shown on the wall
error-workshop-unknown = No open workshop has this code: check it on the wall
error-workshop-first_name = Enter your first name

## workshop

workshop-absent_help = Absent: their vote is no longer awaited; the votes they gave still count. Remove: a mistake or a duplicate; their votes no longer count.
workshop-mark_present = Back in the room
workshop-mark_absent = Mark absent
workshop-absent = absent
workshop-rejoin_title = Are you already in the room?
workshop-rejoin_intro = Someone named { $n } ({ $arg2 }) already joined this workshop. If it is you and your phone forgot the workshop, give your seat code: you get your votes back.
workshop-seat = Your seat code
workshop-seat_hint = Three letters or digits, shown on your phone when you joined (the facilitator can tell you).
workshop-rejoin_submit = It's me, I'm back
workshop-rejoin_other = You are someone else with the same first name?
workshop-join_as_new = Join as a new person
workshop-your_seat = Your seat: { $n }
workshop-seat_keep = keep it in case you need to come back
workshop-seat_of = seat { $n }
workshop-joined_at = joined at { $n }
workshop-closed_title = The workshop is over
workshop-closed_thanks = Thank you for taking part!
workshop-closed_next = The coordination consolidates the levels agreed in the workshop and will present the results at the restitution. You may close this page.
workshop-closed_results = See the campaign's results
workshop-shortcuts = Keyboard shortcuts (key ?)
workshop-shortcuts_toggle = shows or hides this list
workshop-back_to_console = Back to the console
workshop-timer60 = Timer 1 min
workshop-timer120 = Timer 2 min
workshop-timer_stop = Stop the timer
workshop-timer_until = Vote until { $n }
workshop-admission = Admit each phone before it votes
workshop-pending = waiting
workshop-admit = Admit
workshop-welcome = Welcome, { $n }
workshop-waiting = The facilitator will admit you to the workshop. This page will update by itself.
workshop-title = Workshop
workshop-intro = Assess together in a meeting: everyone votes from their phone, the projector shows the votes, you record the level agreed.
workshop-resume = Resume workshop { $n }
workshop-pillar = Indicators of the workshop
workshop-all_pillars = Every pillar of the campaign
workshop-by_college = Show votes by collège (collèges of at least three people)
workshop-open = Open a workshop
workshop-join_title = Join the workshop
workshop-join_intro = Enter the code shown on the wall, your first name and your collège. No account needed.
workshop-code = Code
workshop-code_hint = 6 letters and digits.
workshop-first_name = Your first name
workshop-join_submit = Join
workshop-vote_title = Your vote
workshop-question = Question { $n }
workshop-your_vote = Your vote
workshop-vote = Vote
workshop-change_vote = Change my vote
workshop-voted = Vote saved. You can change it until the results are shown.
workshop-results = Results
workshop-wait_next = Wait for the next question.
workshop-refresh = Refresh
workshop-console_title = Running the workshop
workshop-open_projector = Open the projector view
workshop-projector_title = Workshop
workshop-position = Indicator { $n } of { $arg2 }
workshop-voted_count =
    { $n ->
        [one] { $n } vote out of { $arg2 } participants
       *[other] { $n } votes out of { $arg2 } participants
    }
workshop-recorded = Level agreed:
workshop-previous = Previous
workshop-next = Next
workshop-reveal = Show the votes
workshop-hide = Hide the votes
workshop-record_title = Level agreed by the group
workshop-agreed_level = Level agreed
workshop-note = Note (optional)
workshop-record = Save the level agreed
workshop-voters = Participants in the room ({ $n })
workshop-removed = removed
workshop-close = Close the workshop
workshop-close_confirm = Close the workshop? Phones will no longer vote.
workshop-qr_alt = QR code leading to { $n }

## error.action

error-action-title_required = Give the action a title
error-action-title_length = The title is at most 500 characters
error-action-date = Enter a date that exists, for example 10/12/2026 or 10 December 2026
error-action-due_before_start = Give a due date after the action's start
error-action-status = Choose one of the statuses offered
error-action-progress = Give a progress between 0 and 100 %
error-action-indicators = Give indicator codes of the campaign, separated by commas
error-action-too_long = This text is too long

## error.target

error-target-level = Choose a level of the scale

## error.checkpoint

error-checkpoint-empty = Rate at least one indicator
error-checkpoint-no_plan = A checkpoint needs a validated plan

## results

results-compare_with = Compare with the campaign
results-compare = Compare
results-title = Photographie
results-pillars_progress = Where the pillars stand
results-pillars_provisional = Provisional figures until the consolidation is over: { $n }.
results-to_come = To come
results-pillars_to_come = These pillars are still being answered; their results will appear once their consolidation begins: { $n }.
results-intro = Where the organisation stands, objective by objective, from its shared answers and against the targets it set itself.
results-how_link = How scores are computed
results-overall = Overall score
results-overall_target = Overall target
results-rated = Indicators rated
results-nothing_yet = No shared answer yet: the photographie fills in during consolidation.
results-unrated =
    { $n ->
        [one] { $n } indicator not rated yet is left out.
       *[other] { $n } indicators not rated yet are left out.
    }
results-by_pillar = By pillar
results-by_pillar_table = Scores by pillar
results-score = Score
results-target = Target
results-previous = Previous campaign
results-by_objective = By general objective
results-by_objective_table = Show the table of scores by objective
results-strengths = Strengths
results-weaknesses = To work on
results-none = Nothing to report.
results-divergent = Divided opinions
results-divergent_intro = On these indicators, participants gave levels far apart: worth discussing together.
results-levels_given = levels given from { $n }
results-compared_with = Change since “{ $n }”
results-no_change = No measurable change on the comparable indicators.
results-figures = Key figures
results-heat_title = Indicator map
results-heat_intro = Each indicator against its target.
results-shared_answer = Shared answer
results-target_level = Target
results-state = Situation
results-how_title = How scores are computed
results-how_text = A level is worth its share of the scale: on a scale of 1 to 4, level 1 is 25 % and level 4 is 100 %; yes is 100 %, no 0 %. An objective or a pillar is the mean of what it contains, weighted by each element's weight. “Not applicable”, “I don't know” and unanswered indicators are left out; figures are shown as they are.
results-radar_title = Scores by pillar
results-bars_title = Scores by general objective
results-legend_current = This campaign
results-legend_previous = Previous campaign
results-legend_target = Target
results-summary = Overall score { $n } over { $arg2 } rated indicators.
results-versus_target = { $n }: { $arg2 } for a target of { $arg3 }

## results.heat

results-heat-met = reached
results-heat-below = below
results-heat-far = far below
results-heat-na = not applicable
results-heat-none = no answer

## targets

targets-title = Targets
targets-intro = Set the level the organisation aims at for each objective or indicator. Left empty, the referential's recommended level applies; set on an objective, it applies to every indicator within.
targets-node = Objective or indicator
targets-recommended = Recommended
targets-chosen = Target level
targets-for = Target level for { $n }
targets-follow = Follow the recommendation
targets-save = Save targets

## plan

plan-suggested_by = Suggested by { $n } (tiers)
plan-draft_reader = Plan in preparation: the organisation is still choosing its actions among those proposed, before validating it.
plan-schedule_title = Schedule of the actions
plan-schedule_desc = { $n } actions, from { $arg2 } to { $arg3 }; the details are in the table below.
plan-schedule_open = To do or in progress (“!”: late)
plan-schedule_today = Today
plan-title = Progress plan
plan-validated = Plan validated
plan-draft = Plan in preparation: accept, edit, merge or discard the proposed actions, then validate the plan.
plan-completion = Completion
plan-late = Late actions
plan-upcoming = Due within 30 days
plan-horizon = Horizon
plan-horizon_value = from { $n }, over { $arg2 } months
plan-horizon_hint = Actions are spread over this time, the highest priorities first.
plan-objective_one_year = One-year objective
plan-objective_three_years = Three-year objective
plan-proposals = Proposed actions ({ $n })
plan-proposals_intro = Each indicator below its target yields a proposed action, with its priority and reasons.
plan-accept = Accept selection
plan-merge = Merge selection
plan-discard = Discard selection
plan-actions = Plan actions ({ $n })
plan-as_list = Show as a list
plan-as_board = Show as a board by status
plan-is_late = late
plan-is_upcoming = soon
plan-move = Status of “{ $n }”
plan-move_button = Change
plan-no_actions = No action kept yet.
plan-timeline_title = Plan completion over time
plan-timeline_desc = Current completion { $n }; readings: { $arg2 }.
plan-validate_title = Validate the plan
plan-validate_hint = Remaining proposed actions will be kept as they are and follow-up will start.
plan-validate_confirm = Validate the plan?
plan-validate = Validate the plan
plan-settings = Plan calendar and objectives
plan-starts_on = Plan start
plan-months = { $n } months
plan-not_ready = The plan is prepared after the answers are consolidated: as soon as a pillar is in consolidation, its proposals are ready.
plan-pillars_to_come = Pillars still to come: { $n }. Their proposals will be added to the plan once they are consolidated.
plan-pillars_to_propose = Consolidated since the plan was prepared: { $n }.
plan-propose_more = Add their proposals
plan-gaps =
    { $n ->
        [one] { $n } indicator is below its target.
       *[other] { $n } indicators are below their target.
    }
plan-generate = Propose the plan
plan-why = why this priority:

## plan.reason

plan-reason-gap =
    { $n ->
        [one] { $n } level below target (level { $arg2 })
       *[other] { $n } levels below target (level { $arg2 })
    }
plan-reason-not_yet = not in place yet
plan-reason-weight = heavy weight in the referential ({ $n })
plan-reason-divergence = participants strongly disagree
plan-reason-pillar_behind = pillar “{ $n }” lagging: { $arg2 } against { $arg3 } on average

## action

action-new = Add an action
action-edit = Edit the action
action-conflict = Someone changed this action while you were editing it. Here is their version:
action-conflict_hint = What you typed is kept below: save to keep it instead.
action-title = Title
action-description = Description
action-indicators = Linked indicators
action-indicators_hint = Codes separated by commas, for example 1.2.3
action-responsible = Responsible
action-responsible_hint = They get a reminder before the due date.
action-nobody = To be chosen
action-contributors = Contributors
action-contributors_hint = First names separated by commas
action-starts_on = Start
action-due_on = Due date
action-status_label = Status
action-progress = Progress (%)
action-progress_hint = From 0 to 100
action-offer = Offer of services requested
action-offer_hint = A training, tool or accompaniment of the federation
action-no_offer = None
action-notes = Follow-up notes
action-save = Save the action

## action.status

action-status-todo = To do
action-status-in_progress = In progress
action-status-blocked = Blocked
action-status-done = Done
action-status-abandoned = Abandoned

## action.priority

action-priority-high = High priority
action-priority-medium = Medium priority
action-priority-low = Low priority

## checkpoint

checkpoint-intro_reader = At mid-term, the organisation rates again the indicators its plan targets: here is the way travelled.
checkpoint-title = Checkpoint
checkpoint-intro = Halfway through, rate again only the indicators the plan targets, to see the way travelled.
checkpoint-nothing = No indicator is targeted by an action of the plan yet.
checkpoint-changes = Change of the targeted indicators
checkpoint-shared = Shared answer
checkpoint-latest = Latest checkpoint
checkpoint-change = Change
checkpoint-new = New checkpoint
checkpoint-held_on = Checkpoint date
checkpoint-rerate = Level reached today
checkpoint-not_rerated = Not rated this time
checkpoint-note = What was said
checkpoint-save = Save the checkpoint
checkpoint-history = Checkpoints
checkpoint-rerated =
    { $n ->
        [one] { $n } indicator rated
       *[other] { $n } indicators rated
    }
checkpoint-level = { $n } level
checkpoint-levels = { $n } levels
checkpoint-same = unchanged

## export

export-readiness_sheet = Certification
export-answers_sheet = Individual answers
export-results_sheet = Results
export-participant = Participant
export-code = Code
export-kind = Level
export-title = Title
export-answer = Answer
export-comment = Comment
export-updated_at = Changed on
export-score = Score (%)
export-target_share = Target (%)
export-rationale = Why this shared answer
export-number = No.
export-priority = Priority
export-download = Download
export-workbook = The whole workbook (XLSX)
export-plan_csv = The plan (CSV)
export-results_csv = The results (CSV)
export-answers_csv = The individual answers (CSV)
export-hint = The report and its summary as PDF, to print or pass on; the workbook and CSV files for Excel or LibreOffice (CSV files use semicolons, as French Excel does).
export-version = Version (do not change)
export-import_link = Send back the edited plan (XLSX)
export-report_pdf = The full report (PDF)
export-summary_pdf = The two-page summary (PDF)

## export.pdf

export-pdf-report_title = Self-assessment report
export-pdf-summary_title = Summary
export-pdf-summary_audience = For the board and the dialogue with the State services
export-pdf-generated_on = Issued on
export-pdf-section_context = The organisation and the campaign
export-pdf-section_participation = Participation
export-pdf-section_photographie = The photographie
export-pdf-section_pillars = Details per pillar
export-pdf-section_divergences = Where views differ
export-pdf-section_figures = Quantitative indicators
export-pdf-section_plan = The progress plan
export-pdf-section_readiness = Ready for certification?
export-pdf-readiness_clause = Requirement
export-pdf-readiness_status = Status
export-pdf-section_review = Conclusions of the accompaniment day
export-pdf-section_key_figures = Key figures
export-pdf-strengths = Strengths
export-pdf-weaknesses = Points to improve
export-pdf-organisation = Organisation
export-pdf-siret = SIRET
export-pdf-organisation_type = Type of organisation
export-pdf-region = Region
export-pdf-campaign = Campaign
export-pdf-status = Step
export-pdf-referential = Referential
export-pdf-college = Collège
export-pdf-invited = Invited
export-pdf-answered = Answered
export-pdf-total = Total
export-pdf-overall = Overall score
export-pdf-code = Code
export-pdf-title = Title
export-pdf-score = Score
export-pdf-target = Target
export-pdf-previous = Previous campaign
export-pdf-rated = Indicators rated
export-pdf-indicator = Indicator
export-pdf-answer = Shared answer
export-pdf-standing = Standing
export-pdf-value = Value
export-pdf-action = Action
export-pdf-action_status = Status
export-pdf-responsible = Responsible
export-pdf-due_on = Due
export-pdf-progress = Progress
export-pdf-priority = Priority
export-pdf-actions = Actions kept
export-pdf-top_actions = Priority actions
export-pdf-held_on = Date
export-pdf-attendees = People present
export-pdf-conclusions = Conclusions
export-pdf-decision = Decision
export-pdf-offers = Offers of services agreed
export-pdf-horizon = Plan to carry out by
export-pdf-checkpoint = Mid-term checkpoint
export-pdf-none = None so far.
export-pdf-no_plan = The progress plan is not drawn up yet.
export-pdf-no_review = The accompaniment day has not taken place yet.
export-pdf-page = Page

## import

import-title = Update the plan from a spreadsheet
import-intro = Download the campaign's workbook, edit the “Progress plan” sheet in Excel or LibreOffice (title, description, contributors, dates, status, progress, notes), then send it back here. Everything is checked before anything is written.
import-file = Edited workbook (.xlsx)
import-file_hint = The file downloaded from Cap. Keep the “No.” and “Version” columns as they are.
import-submit = Check and update
import-report =
    { $n ->
        [one] { $n } problem in the file
       *[other] { $n } problems in the file
    }
import-nothing_written = Nothing was changed. Fix the file and send it again.
import-report_caption = Problems found, row by row
import-row = Row
import-not_a_workbook = This file is not a readable Excel workbook (.xlsx).
import-too_many_entries = This file holds more than { $n } parts: it is not a workbook downloaded from Cap.
import-too_large = This workbook exceeds { $n } once uncompressed: send back only the workbook downloaded from Cap, without added pictures or sheets.
import-too_many_rows = A sheet goes beyond row { $n }: delete the extra rows, even those without text.
import-too_many_columns = A sheet goes beyond column { $n }: delete the extra columns (the plan has 14).
import-too_many_cells = This workbook has more than { $n } cells: send back only the workbook downloaded from Cap.
import-text_too_long = A cell exceeds { $n } characters.
import-too_many_texts = This workbook holds more than { $n } different texts: send back only the workbook downloaded from Cap.
import-no_plan_sheet = No sheet holds the plan's columns (No., Title, Status, Version): send back the workbook downloaded from Cap.
import-no_number = This row has no action number: add new actions in Cap.
import-unknown_action = Action no. { $n } is not in this plan.
import-action = Action no. { $n }
import-changed_since = Action no. { $n } was changed in Cap since the download: download the workbook again and redo your changes.
import-nothing_changed = The file changes nothing in the plan.

## accompaniment

accompaniment-place = Place
accompaniment-pillars = Pillars worked on
accompaniment-pillars_hint = Leave empty to work on the whole campaign.
accompaniment-plan_title = Plan the day
accompaniment-plan_hint = About a month after the first meeting: set the date, the place and who will come. Only the date is required.
accompaniment-save_plan = Save the plan
accompaniment-conclude_title = Conclude the day
accompaniment-conclude_hint = Once the day was held: the conclusions, the decision, the plan's horizon and the mid-term checkpoint. The organisation's coordinators receive the decision by e-mail.
accompaniment-conclude = Conclude the day
accompaniment-horizon_on = Plan to carry out by
accompaniment-horizon_hint = Proposed seven months after the day (the federation counts 6 to 8 months).
accompaniment-checkpoint_on = Mid-term checkpoint
accompaniment-checkpoint_hint = Between the day and the plan's horizon; proposed halfway.
accompaniment-planned_title = Planned day
accompaniment-concluded_title = Day held and concluded
accompaniment-planned_on = Accompaniment day planned on
accompaniment-title = Accompaniment day
accompaniment-intro = With a tiers from the regional delegation or a pair, the organisation reviews its photographie and its plan. Record the day and the decision taken.
accompaniment-held_on = Date of the day
accompaniment-attendees = People present
accompaniment-attendees_hint = First names and roles, for example: Sophie (coordinator), Karim (tiers).
accompaniment-conclusions = Conclusions
accompaniment-decision_label = Decision
accompaniment-offers = Offers of services agreed
accompaniment-offers_hint = For a further accompaniment: tick at least one of the federation's offers.
accompaniment-recorded_by = Recorded by
accompaniment-conflict = Someone saved the day while you were editing it. Here is their version; what you typed is kept in the form: save to keep it instead.
accompaniment-link = Accompaniment day

## accompaniment.decision

accompaniment-decision-alone = The organisation carries out its plan on its own
accompaniment-decision-further = A further accompaniment is agreed

## error.accompaniment

error-accompaniment-not_held_yet = The day has not taken place yet: save its plan, and conclude it once held
error-accompaniment-horizon_before_day = The plan's horizon must come after the day
error-accompaniment-checkpoint_between = The mid-term checkpoint must fall between the day and the plan's horizon
error-accompaniment-attendees = Give the people present
error-accompaniment-conclusions = Give the day's conclusions
error-accompaniment-decision = Choose the decision taken
error-accompaniment-offers = Tick at least one offer of services for the further accompaniment

## review

review-revoked_by = Access withdrawn by
review-invited_by = Invited by
review-title = Review
review-intro = Invite a tiers from the regional delegation or a pair from another organisation to read the photographie and the plan, then discuss indicators, the photographie and actions.
review-your_access = You are reviewing this self-assessment as a tiers or a pair. Your access ends on
review-your_access_audit = Every page you open is written in the log.
review-threads = Discussions
review-no_threads = No discussion yet.
review-open = Open
review-resolved = Resolved
review-resolved_by = Resolved by
review-reply = Reply
review-send_reply = Send the reply
review-resolve = Mark as resolved
review-reopen = Reopen
review-new_thread = New discussion
review-about = What is your comment about?
review-comment = Comment
review-open_thread = Post the comment
review-reviewers = Reviewers
review-no_reviewers = Nobody has been invited yet.
review-reviewer = Invited person
review-reviewer_hint = Pairs come from the directory, closest first (same region, same type of organisation); tiers are the regional delegates.
review-kind_label = Role
review-period = Access period
review-state_label = State
review-revoke = Remove access
review-invite = Invite a tiers or a pair
review-filter_region = Region
review-filter_type = Type of organisation
review-filter = Filter
review-all = All
review-choose = Choose a person
review-conflicts_found = Conflict of interest:
review-conflict_acknowledged = conflict of interest flagged
review-starts_on = Access from
review-ends_on = Access until
review-ends_on_hint = Access closes by itself after this day (92 days at most).
review-accept_conflict = I confirm the invitation despite the flagged conflict of interest
review-accept_untrained = Invite this pair even though they are not trained yet (an exception written in the log)
review-send_invitation = Invite
review-directory_link = See the pair directory and trainings
review-trainings_attended =
    { $n ->
        [one] { $n } training attended
       *[other] { $n } trainings attended
    }

## review.kind

review-kind-tiers = Tiers (regional delegation)
review-kind-pair = Pair (another organisation)
review-kind-state = State services officer
review-state_title = Access for the State's services
review-state_intro = To prepare the management dialogue, give an officer of the State's services read-only access for a few days: the photographie, the progress plan, the activity figures and the summary. They see neither individual answers nor the review's threads; every page they read is written in your organisation's log.
review-state_given = Accesses given
review-state_none = No access given yet.
review-state_give = Give an access
review-state_email_hint = They receive an e-mail with the link; without a Cap account yet, they first choose their password.
review-state_ends_hint = The access closes by itself after this day (92 days at most).
review-state_submit = Give read access
review-state_open = Open
review-state_upcoming = To come
review-state_ended = Ended
review-state_revoked = Ended by you
review-state_link = Access for the State's services

## review.state

review-state-open = Access open
review-state-upcoming = Upcoming
review-state-ended = Ended
review-state-revoked = Removed

## review.conflict

review-conflict-same_organisation = member of the reviewed organisation
review-conflict-same_group = same group (GES)

## review.target

review-target-photographie = The photographie
review-target-action = Action

## error.review

error-review-already_invited = This person already has an open or upcoming access to this campaign. Withdraw it first to change its dates.
error-review-reviewer = Choose a person from the list
error-review-ends_before_start = Access must end after it starts
error-review-ended = This period is already over
error-review-too_long = Access lasts 92 days at most
error-review-conflict_blocking = A member of the organisation cannot review it: choose someone else
error-review-untrained = This pair has not attended a training yet: choose a trained pair, or tick the exception.
error-review-conflict_unacknowledged = This person has a conflict of interest: tick the box to confirm, or choose someone else
error-review-comment_empty = Write your comment
error-review-comment_too_long = The comment is longer than 4,000 characters
error-review-target = Choose what the comment is about

## directory

directory-title = Pair directory
directory-intro = Pairs are people from other organisations who have been through a self-assessment and agree to review one. Search by region and type of organisation.
directory-trainings_link = Trainings of pairs and tiers
directory-mine = Become a pair
directory-you_volunteer = You are listed as a pair for
directory-not_eligible = You can volunteer as a pair once one of your organisations has validated the progress plan of a self-assessment.
directory-organisation = Organisation
directory-organisation_hint = Only organisations that validated a progress plan are listed.
directory-availability = Availability
directory-availability_hint = For example: two days per quarter, preferably in Hauts-de-France.
directory-volunteer = Volunteer as a pair
directory-update = Update
directory-withdraw = Leave the directory
directory-volunteers = Pair volunteers
directory-none = No pair for these criteria.
directory-person = Person
directory-trainings = Trainings attended
directory-stage = Pathway
directory-your_stage = Where you stand:
directory-proposed = You are proposed as a pair for
directory-proposed_by = { $n } proposes you as a pair for
directory-proposal_explained = A pair reviews, for a few days, another member's self-assessment and talks it over with them. You first attend a training. Accept to be listed in the directory and to enrol in a training.
directory-accept = Accept
directory-decline = Decline
directory-upcoming_trainings = Upcoming trainings
directory-no_upcoming = No pair training is planned yet: your regional delegation will let you know.
directory-enrolled = Enrolled
directory-enrol = Enrol
directory-enrol_in = Enrol in “{ $n }”
directory-unenrol = Leave the list
directory-propose_title = Propose someone as a pair
directory-propose_intro = People of your region's organisations that validated a progress plan. The person gets an e-mail and accepts or declines in the directory.
directory-propose_hint = Only people not yet in the directory are listed.
directory-propose = Propose
pair-stage-proposed = Proposed
pair-stage-volunteer = Volunteer
pair-stage-enrolled = Enrolled in a training
pair-stage-trained = Trained

## training

training-title = Trainings of pairs and tiers
training-intro = Trainings attended by pairs and tiers: date, place and attendees. Regional delegates record them for their region.
training-none = No training recorded.
training-attendees = Attendees
training-no_attendees = no attendee recorded
training-edit_attendees = Record attendees
training-save_attendees = Save attendees
training-new = Record a training
training-name = Title
training-audience_label = Audience
training-held_on = Date
training-place = Place
training-save = Save the training

## training.audience

training-audience-pairs = Pairs
training-audience-tiers = Tiers
training-audience-both = Pairs and tiers

## error.training

error-training-title = Give the training's title
error-training-place = Give the place

## error.directory

error-directory-not_eligible = None of your organisations has validated a progress plan yet

## token

token-title = API access tokens
token-intro = A token lets a program (a spreadsheet, a follow-up tool) read your campaigns or update actions, with your rights and only what you tick. It is shown once, when created.
token-openapi = API description (OpenAPI)
token-created = Token created.
token-copy_now = Copy it now: it will not be shown again.
token-list = Your tokens
token-none = No token.
token-name = Name
token-name_hint = The program that uses it, for example: Board dashboard.
token-scopes = Permissions
token-expires = Expires on
token-last_used = Last used
token-never = never
token-state_label = State
token-revoke = Revoke
token-new = Create a token
token-days = Valid for (days)
token-days_hint = From 1 to 366 days.
token-create = Create the token

## token.scope

token-scope-read = Read campaigns, answers, results and actions
token-scope-write_actions = Update the status and progress of actions

## token.state

token-state-active = Active
token-state-expired = Expired
token-state-revoked = Revoked

## error.token

error-token-name = Give the token a name
error-token-scopes = Tick at least one permission
error-token-days = Give a duration from 1 to 366 days

## error.api

error-api-unauthorized = Token missing, expired or revoked.
error-api-body = The body must be a JSON object with "version", and optionally "status" and "progress".
error-api-status = Unknown status: todo, in_progress, blocked, done or abandoned.
error-api-progress = Progress goes from 0 to 100.
error-api-stale = The action was changed since the given version; here is its current version.

## network

network-title = The network in figures
network-intro = Organisations' consolidated results, anonymised: no figure is shown if it rests on fewer than 5 organisations. Each organisation counts with its latest campaign.
network-all_regions = All regions
network-all_types = All types
network-year = Year
network-hidden = hidden
network-hidden_explained = "hidden": fewer than 5 organisations, or a figure that would let a hidden one be worked out by subtraction.
network-export = Download these figures (CSV for Excel)
network-engaged_title = Organisations engaged
network-by_region = By region
network-by_type = By type of organisation
network-organisations = Organisations
network-engaged = Of which ran a campaign
network-status_title = Campaigns by step
network-step = Step
network-campaigns = Campaigns
network-means_title = Mean scores by theme and objective
network-means_chart_desc = Mean score and mean target of each theme, for the organisations in the chosen scope.
network-scored = Organisations whose campaign is counted:
network-nothing_yet = No figures yet for this scope.
network-theme = Theme or objective
network-mean_score = Mean score
network-mean_target = Mean target
network-levels_title = How levels spread on each indicator
network-targets_title = Targets organisations set themselves
network-themes_title = Indicators progress plans work on most
network-actions = Actions
network-offers_title = Offers of services requested, by region
network-offer = Region and offer
network-csv_section = Section
network-csv_label = Label
network-csv_values = Values

## benchmark

benchmark-title = Compare with similar organisations
benchmark-intro = Your scores beside those of similar organisations (their latest campaign, yours left out): the lowest quarter is below the first quartile, half below the median. No figure is shown if it rests on fewer than 5 organisations.
benchmark-peers = Compare with
benchmark-peers_region = The same type of organisation in my region
benchmark-peers_national = The same type of organisation nationally
benchmark-peers_all = All organisations
benchmark-compare = Compare
benchmark-yours = Your score
benchmark-q1 = First quartile
benchmark-median = Median
benchmark-q3 = Third quartile
benchmark-standing_label = Where you stand

## benchmark.standing

benchmark-standing-bottom = In the lowest quarter
benchmark-standing-below = Below the median
benchmark-standing-above = Above the median
benchmark-standing-top = In the highest quarter

## feedback

feedback-title = An indicator unclear or incomplete?
feedback-intro = Tell the federation what is unclear or missing: it reads every remark and takes it into account for the referential's next version.
feedback-kind_label = Your remark is about
feedback-body = Your remark
feedback-body_hint = For example: the difference between levels 2 and 3 is not clear to us.
feedback-send = Send the remark
feedback-admin_title = Remarks on the referential
feedback-admin_intro = What users say of the indicators. Note what you keep for the next version, and what a published version took in.
feedback-status_label = Status
feedback-none = No remark.
feedback-note = The federation's note
feedback-save = Save

## feedback.kind

feedback-kind-unclear = Something unclear
feedback-kind-missing = Something missing
feedback-kind-other = Something else

## feedback.status

feedback-status-new = New
feedback-status-planned = Kept for a next version
feedback-status-taken = Taken into a version
feedback-status-declined = Not kept

## error.feedback

error-feedback-empty = Write your remark
error-feedback-too_long = The remark is longer than 2,000 characters

## deployment

deployment-title = The programme's deployment
deployment-nation = All of France
deployment-intro = Where each organisation stands with the programme, the presentations and trainings held, and the timeline month by month. Print the page for a progress review.
deployment-print_hint = This page prints as it is (without menus or forms).
deployment-stages_title = Organisations by stage
deployment-region_total = Region
deployment-members = The region's organisations
deployment-stage_label = Stage
deployment-informed_on = Informed on
deployment-mark = Mark informed
deployment-unmark = Remove
deployment-presentations = Presentations of the programme
deployment-no_presentations = No presentation recorded.
deployment-people = people
deployment-new_presentation = Record a presentation
deployment-attendees = Attendees
deployment-notes = Notes
deployment-save_presentation = Save the presentation
deployment-timeline = Timeline
deployment-month = Month
deployment-campaigns_started = Campaigns started
deployment-roll_out_title = The roll-out, region by region
deployment-roll_out_intro = The programme's presentations held and planned, and the members that have tested it, are testing it, will test it or volunteer to, from what is recorded in Cap.
deployment-presented_on = Presented the programme
deployment-will_present_on = Will present the programme
deployment-have_tested = Members that have tested it
deployment-are_testing = Members testing it
deployment-will_test = Members that will test it
deployment-volunteers = Members volunteering to test it
deployment-from_day = from { $n }
deployment-since_day = since { $n }
deployment-volunteer_col = Volunteer to test
deployment-volunteer = Volunteer to test
deployment-unvolunteer = No longer
deployment-planned_from = Test planned from
deployment-save_planned = Save the day
deployment-audience = Audience
deployment-audience_hint = For instance: directors of SIAE, boards (optional).
deployment-interested = Volunteers to test
deployment-interested_legend = Members volunteering to test, at this presentation
deployment-interested_hint = Ticked, they become « Volunteer to test » on the day of the presentation.
deployment-roll_out_csv = Download these lists for a spreadsheet (CSV)
deployment-csv_what = What
deployment-csv_day = Day
deployment-csv_who_or_where = Place or member

## deployment.stage

deployment-stage-not_yet = Not yet
deployment-stage-informed = Informed
deployment-stage-volunteer = Volunteer to test
deployment-stage-will_test = Will test
deployment-stage-testing = Testing
deployment-stage-using = Using
deployment-stage-reviewed = Reviewed

## error.deployment

error-deployment-attendees = Give a number of attendees (0 or more)

## practice

practice-pending_notice_others = Waiting for the regional delegation's review: only its author, its organisation and the delegation see it for now.
practice-edit_title = Correct my practice
practice-edit_intro = Once corrected, the practice goes back to the regional delegation, which reads it before publishing it again.
practice-edit_conflict = This practice changed while you were correcting it (in another tab, or by a delegate's decision). What you typed is kept below: check it, then send it again.
practice-kept_files = Current attachments
practice-kept_files_hint = Untick those to remove.
practice-files_more = Add attachments (optional)
practice-resubmit = Send again to the regional delegation
practice-yours = Your practice
practice-yours_hint = You can correct it (it goes back to review) or withdraw it.
practice-edit = Correct my practice
practice-mine_latest = Your { $n } most recent contributions, out of { $arg2 }.
practice-tree_count =
    { $n ->
        [one] { $n } practice
       *[other] { $n } practices
    }
practice-see_all = See the { $n } practices published on this indicator
practice-page_of = page { $n } of { $arg2 }
practice-previous = Newer practices
practice-next = Older practices
practice-title = Good practices
practice-intro = How other organisations of the network go about it: practices, tools and testimonies, linked to the referential's indicators. Each is read by the regional delegation before it is published.
practice-share = Share a practice
practice-to_review = Practices to review ({ $n })
practice-mine = Your contributions
practice-published_title = Published practices
practice-filter_indicator = Indicator
practice-filter_kind = Type
practice-none = No practice is published yet. Be the first to share yours!
practice-none_filtered = No published practice matches these filters.
practice-count =
    { $n ->
        [one] { $n } published practice
       *[other] { $n } published practices
    }
practice-indicators = Indicators
practice-attachments = Attachments
practice-attachments_count =
    { $n ->
        [one] { $n } attachment
       *[other] { $n } attachments
    }
practice-shared_by = Shared by
practice-pending_notice = Waiting for the regional delegation's review: only you, your organisation and the delegation see it for now.
practice-rejected_notice = This practice is not published. The regional delegation explains why:
practice-moderate_title = Review
practice-moderate_intro = Publish the practice if it can help other organisations and holds no personal data about employees. Otherwise, tell its author what should change.
practice-decision_label = Your decision
practice-note = Your explanation to the author
practice-note_hint = Required to not publish. The author receives it by e-mail.
practice-decide = Save the decision
practice-delete = Withdraw my practice
practice-moderation_title = Practices to review
practice-moderation_intro = The practices shared by your region's organisations, oldest first. Open one to publish it or explain why it cannot be.
practice-nothing_waiting = No practice is waiting for review.
practice-waiting_count =
    { $n ->
        [one] { $n } practice waiting
       *[other] { $n } practices waiting
    }
practice-new_title = Share a practice
practice-new_intro = Tell what your organisation does: others can draw on it. The regional delegation reads each contribution before publishing it.
practice-referential_used = Indicators of the referential
practice-other_referentials = Other referential:
practice-organisation = On behalf of
practice-organisation_hint = The organisation sharing this practice. Its name is shown.
practice-kind_label = You share
practice-kind_hint = A way of doing things, a reusable tool (template, grid, procedure) or a testimony.
practice-title_label = Title
practice-title_hint = In a few words, for instance: "A welcome interview in three steps".
practice-body = Description
practice-body_hint = The context, what you do, what it changed, whom to ask. No employee names. A line starting with "-" makes a list.
practice-indicators_label = Indicators concerned
practice-indicators_hint = Tick one or more indicators (12 at most). Open a theme to see its indicators.
practice-files = Attachments (optional)
practice-files_hint = 3 files at most, 5 MB each: PDF, picture (PNG, JPEG), Word, Excel, PowerPoint, OpenDocument, text or CSV.
practice-files_dropped = For your safety, the browser does not keep chosen files: choose them again before sending.
practice-submit = Send to the regional delegation
practice-on_indicator = How do others do it?
practice-none_on_indicator = No practice is published on this indicator yet.
practice-share_on_indicator = Share your practice on this indicator

## practice.kind

practice-kind-practice = Practice
practice-kind-tool = Tool
practice-kind-testimony = Testimony

## practice.status

practice-status-pending = Waiting for review
practice-status-published = Published
practice-status-rejected = Not published

## practice.decision

practice-decision-publish = Publish: every member will be able to read it
practice-decision-reject = Do not publish (or withdraw from publication), explaining why

## error.practice

error-practice-upload_too_large = The attached files are too large together: at most 3 files of 5 MB
error-practice-title_empty = Give your practice a title
error-practice-title_too_long = The title is longer than 200 characters
error-practice-body_empty = Describe your practice
error-practice-body_too_long = The description is longer than 10,000 characters
error-practice-no_indicator = Tick at least one indicator
error-practice-too_many_indicators = Tick 12 indicators at most
error-practice-unknown_indicator = A ticked indicator does not exist in this referential
error-practice-too_many_files = Attach 3 files at most
error-practice-file_empty = An attached file is empty
error-practice-file_too_big = An attached file is larger than 5 MB
error-practice-file_type = This type of file is not accepted: PDF, PNG, JPEG, Word, Excel, PowerPoint, OpenDocument, text or CSV
error-practice-file_content = A file's content does not match its extension
error-practice-already = The practice is already in this state
error-practice-reason_needed = Tell the author why the practice is not published
error-practice-note_too_long = The explanation is longer than 1,000 characters

## mail.accompaniment

mail-accompaniment-intro = The accompaniment day of { $n } was concluded for { $arg2 } ("{ $arg3 }").

## suggestion

suggestion-link_pending = The tiers' suggestions ({ $n } waiting)
suggestion-title = Suggestions for the plan
suggestion-intro_coordinator = The tiers who accompanies you suggests actions, changes or merges. For each one: accept it as it is, accept it to adapt it, or decline it saying why.
suggestion-intro_tiers = Suggest to the organisation a new action, a change to an action (deadline, the role that carries it, an offer of services, a good practice to follow) or merging several actions. The coordination decides.
suggestion-pending = Suggestions waiting: { $n }
suggestion-none = No suggestion yet.
suggestion-actions = Actions concerned
suggestion-due_on = Suggested deadline
suggestion-owner_role = Role that carries the action
suggestion-owner_role_hint = For example: the director, the board, the technical supervisor.
suggestion-offer = Offer of services
suggestion-practice = Good practice to follow
suggestion-practice_hint = Its number, or its address copied from the good practices.
suggestion-practice_link = See the good practice
suggestion-why = Why
suggestion-decided_by = Decided by
suggestion-answer = Your answer (optional)
suggestion-accept = Accept
suggestion-adapt = Accept and adapt
suggestion-decline = Decline
suggestion-new = Make a suggestion
suggestion-kind_label = You suggest
suggestion-new_title = Title of the new action
suggestion-new_title_hint = For a new action only.
suggestion-amended_action = Action to change
suggestion-amended_action_hint = For a change only.
suggestion-merged_actions = Actions to merge
suggestion-merged_actions_hint = For a merge only: tick at least two actions; the first keeps its title.
suggestion-send = Send the suggestion
suggestion-link = The tiers' suggestions

## suggestion.kind

suggestion-kind-action = A new action
suggestion-kind-amendment = A change to an action
suggestion-kind-merge = Merging actions

## suggestion.status

suggestion-status-pending = Waiting
suggestion-status-accepted = Accepted
suggestion-status-declined = Declined

## suggestion.note

suggestion-note-role = suggested role: { $n }
suggestion-note-practice = good practice to follow: "{ $n }" ({ $arg2 })
suggestion-note-from = Suggestion by { $n }

## error.suggestion

error-suggestion-kind = Choose what you suggest
error-suggestion-action = Choose the action to change
error-suggestion-nothing_changed = Give at least one change: deadline, role, offer or good practice
error-suggestion-merge_two = Tick at least two actions to merge

## meeting

meeting-title = Calendar
meeting-intro = The meetings of the process: presentation, working sessions, workshops, accompaniment day, restitution, checkpoint.
meeting-none = No meeting planned yet.
meeting-propose = Suggest a calendar
meeting-propose_hint = Cap suggests the usual dates of the process: a presentation, a first pillar a week later, the others over two sessions, the accompaniment day about a month later, the restitution, then a checkpoint. You can change everything.
meeting-add = Add a meeting
meeting-edit = Edit
meeting-of_day = the meeting of { $n }
meeting-new_title = New meeting
meeting-edit_title = Edit the meeting
meeting-download = Add to my calendar
meeting-download_all = The whole calendar in my calendar app
meeting-kind_label = Kind of meeting
meeting-on = Date
meeting-on_hint = For example 12/01/2027
meeting-starts = Starts
meeting-ends = Ends
meeting-time_hint = For example 9:30
meeting-place = Place
meeting-place_hint = Address or room; leave empty for an online meeting.
meeting-link = Video call link
meeting-link_hint = Optional, starts with https://
meeting-pillars = Pillars covered
meeting-invited = Who is invited
meeting-invited_hint = Nothing ticked here nor below: everyone taking part.
meeting-people = People invited by name
meeting-people_hint = Besides the collèges ticked; for instance, the person who represents the board.
meeting-everyone = Everyone taking part
meeting-invited_line = Invited: { $n }
meeting-pillars_line = Pillars: { $n }
meeting-notes = Notes or minutes
meeting-notes_hint = Before the meeting: the agenda. After: what was said and decided.
meeting-notify = Tell the invited people by e-mail, with the invitation for their calendar
meeting-save = Save the meeting
meeting-cancel = Cancel the meeting
meeting-cancel_confirm = Cancel this meeting? The invited people will be told by e-mail.
meeting-past = Past
meeting-cancelled = Cancelled
meeting-next = Next meeting: { $n }, { $arg2 }
meeting-join = Join the video call
meeting-record = Record of the accompaniment day
meeting-when = { $n }, { $arg2 } to { $arg3 }
meeting-changed = Someone else changed this meeting meanwhile: here is its latest version. Make your changes again if needed.
meeting-ics_name = { $n } — { $arg2 }
meeting-ics_campaign = Campaign “{ $n }” of { $arg2 }
meeting-ics_pillars = Pillars: { $n }
meeting-ics_link = Video call: { $n }

## meeting.kind

meeting-kind-presentation = Presentation of the process
meeting-kind-working = Working session
meeting-kind-workshop = Workshop
meeting-kind-accompaniment = Accompaniment day
meeting-kind-restitution = Restitution
meeting-kind-checkpoint = Checkpoint

## error.meeting

error-meeting-kind = Choose the kind of meeting.
error-meeting-time = Give a time, for example 9:30.
error-meeting-ends_first = The end must come after the start.
error-meeting-link = The link must start with https:// and contain no space.
error-meeting-pillar = Choose among the campaign's pillars.
error-meeting-college = Choose among the collèges offered.

## mail.meeting

mail-meeting-hello = Hello { $n },
mail-meeting-invitation = { $n } invites you to a meeting of its Cap process: { $arg2 }, on { $arg3 }.
mail-meeting-invitation_subject = Invitation: { $n }, { $arg2 }
mail-meeting-change = The meeting of { $n } has changed: { $arg2 }, now on { $arg3 }.
mail-meeting-change_subject = Change: { $n }, { $arg2 }
mail-meeting-cancellation = { $n } cancels the meeting: { $arg2 }, planned on { $arg3 }.
mail-meeting-cancellation_subject = Cancelled: { $n }, { $arg2 }
mail-meeting-reminder = Reminder: { $n } expects you tomorrow for the meeting: { $arg2 }, on { $arg3 }.
mail-meeting-reminder_subject = Tomorrow: { $n }, { $arg2 }
mail-meeting-place = Place: { $n }
mail-meeting-link = Video call: { $n }
mail-meeting-pillars = Pillars covered: { $n }
mail-meeting-campaign = The campaign: { $n }

## restitution

restitution-title = Restitution
restitution-link = Restitution on a big screen
restitution-opening = Our photographie
restitution-divergent = Where our views differ
restitution-changes = What changed since last time
restitution-voices = Your turn to speak
restitution-position = Screen { $n } of { $arg2 }
restitution-day = Date
restitution-people = People who took part
restitution-what = Theme
restitution-voices_intro = What surprised you? What do you want to work on? Say it in a few words from your phone: the coordinator will read your answers, without your names, while preparing the progress plan.
restitution-qr_alt = QR code to give your view: { $n }
restitution-nav = Restitution screens
restitution-previous = Previous
restitution-next = Next
restitution-leave = Leave the restitution
restitution-keys = Left and right arrows, Page Up and Page Down or the space bar change the screen.
restitution-voice_title = Your view after the restitution
restitution-voice_intro = A few words are enough. The coordinator reads your answers without your name when preparing the progress plan. You can change them whenever you like.
restitution-surprised = What surprised you?
restitution-surprised_hint = An unexpected result, a gap between views, a forgotten strength…
restitution-work_on = What do you want to work on?
restitution-work_on_hint = A practice to improve, an idea for an action.
restitution-send = Send my view
restitution-heard_title = What the team said at the restitution
restitution-heard_intro = The participants' views after the restitution, without their names, to build the plan.
restitution-heard_surprised = Surprised by:
restitution-heard_work_on = Wants to work on:
restitution-give_voice = Give my view after the restitution

## error.restitution

error-restitution-empty = Answer at least one of the two questions.

## readiness

readiness-trend = From one campaign to the next
readiness-campaign = Campaign
readiness-title = Ready for certification?
readiness-link = Bridge to certification
readiness-intro = For each requirement, the Cap indicators linked to it, their shared level and their target. A requirement is covered when each of its indicators reaches its target and one of them covers it entirely; the weakest decides.
readiness-choose = Certification referential
readiness-show = Show
readiness-summary = Where the requirements stand
readiness-clause = Requirement
readiness-status = Status
readiness-indicators = Cap indicators
readiness-none_linked = No indicator of the campaign is linked to it.
readiness-full = covers the whole requirement
readiness-partial = in part
readiness-level = Shared level: { $n }
readiness-target = target: { $n }
readiness-not_rated = not rated yet
readiness-remaining_title = What remains
readiness-remaining_intro = The requirements covered in part or not yet assessed, with their indicators to work on. Tick them and add them to the progress plan: one action per requirement.
readiness-remaining_count =
    { $n ->
        [one] { $n } indicator to work on
       *[other] { $n } indicators to work on
    }
readiness-add = Add to the progress plan
readiness-nothing_left = Every requirement linked to the campaign is covered.
readiness-action_title = { $n } { $arg2 } “{ $arg3 }”: what remains
readiness-action_description = Indicators to work on for this requirement:

## readiness.status

readiness-status-covered = Covered
readiness-status-partly = Covered in part
readiness-status-not_assessed = Not assessed yet
readiness-status-not_covered = Not covered by the campaign

## glossary
glossary-title = Glossary
glossary-federation = The federation's vocabulary
glossary-intro_federation = The words the federation defined together. The indicators that use them link here, so that everyone speaks of the same thing.
glossary-intro_group = The words the group's organisations defined together: sharing a tool is also sharing a vocabulary. The indicators that use them link here.
glossary-see_federation = See also the federation's glossary
glossary-empty = No word defined yet.
glossary-version = Version { $n }
glossary-open = See the versions
glossary-open_edit = Edit, see the versions
glossary-add_title = Define a word
glossary-term = The word
glossary-term_hint = As written in the indicators, for instance: collège, pathway.
glossary-definition = What we mean by it
glossary-definition_hint = In a few plain sentences (2,000 characters at most).
glossary-add = Add to the glossary
glossary-edit_title = Write a new version
glossary-save = Save the new version
glossary-save_anyway = Save my version instead
glossary-conflict = Someone wrote a new version while you were writing yours: theirs is shown at the top of the page, yours is kept in the form. Save yours if it should replace it.
glossary-remove = Remove this word from the glossary
glossary-history = Every version
glossary-federation_link = The federation's glossary: the words defined together
glossary-group_link = The group's glossary: the organisations' shared vocabulary
glossary-used = Glossary words
error-glossary-term = Write the word (80 characters at most).
error-glossary-definition = Write its definition (2,000 characters at most).
error-glossary-taken = This word is already in the glossary: open it to write a new version.
flash-term_added = Word added to the glossary.
flash-term_saved = New version saved.
flash-term_removed = Word removed from the glossary.

## service
service-campaign_title = Services asked of the federation
service-campaign_intro = The services of the federation's offer that the improvement plan or the accompaniment day plan for. Ask for them here: the regional delegation or the federation answers, and you follow where each request stands.
service-none_offered = Neither the plan nor the accompaniment day plans a service yet: choose one in an action of the plan.
service-from_plan = Planned by the plan's action « { $n } »
service-from_accompaniment = Planned at the accompaniment day
service-ask = Ask for this service
service-taken_by = taken by { $n }
service-scheduled_on = planned on { $n }
service-delivered_on = delivered on { $n }
service-asked_on = Asked on { $n }
service-declined_because = Declined:
service-list_title = Service requests
service-list_intro = The services members asked for, to take, schedule, deliver or decline saying why. Members see where each one stands.
service-counts = Requests by step
service-none = No request yet.
service-take = I take it
service-schedule_day = Planned day
service-schedule = Save the day
service-deliver_day = Delivered on
service-deliver = Mark delivered
service-decline = Decline this request
service-reason = Why (the member will read this)
service-decline_send = Decline the request
service-link = Members' service requests
service-campaign_link = Services asked of the federation
service-state-asked = Asked
service-state-taken = Taken
service-state-scheduled = Scheduled
service-state-delivered = Delivered
service-state-declined = Declined
error-service-reason = Say why the request is declined (1,000 characters at most).
error-service-move = This step does not follow the request's: reload the page.
error-service-stale = Someone moved this request meanwhile: here is where it stands now.
flash-service_asked = Request sent: the regional delegation will answer.
flash-service_already_asked = This service is already asked for: its request is open.
flash-service_moved = Request updated.

## group_campaign
group_campaign-default_title = Shared démarche
group_campaign-kind = The group's démarche
group_campaign-launch_title = Launch a shared démarche
group_campaign-launch_intro = One démarche for the group's organisations: one referential and one calendar. Each organisation has its campaign, answered by its own participants and collèges, and keeps its own photographie. The organisations see one another's results only if you decide so.
group_campaign-launch = Launch the démarche
group_campaign-structures = Organisations taking part
group_campaign-structures_hint = Each ticked organisation gets its campaign, in preparation: its Cap coordinator invites its participants.
group_campaign-referential = Referential: { $n }
group_campaign-answering_from = answers from { $n }
group_campaign-consolidation_on = consolidation on { $n }
group_campaign-structures_title = Where each organisation stands
group_campaign-structures_intro = Each organisation runs its campaign with its own participants; its figures show here once its first answers are shared.
group_campaign-no_results = no shared answers yet
group_campaign-shared = The group's organisations see this page.
group_campaign-not_shared = Only the group's lead sees this page: each organisation sees its own photographie only.
group_campaign-share = Show this page to the group's organisations
group_campaign-unshare = Stop showing it to the organisations
group_campaign-nothing_yet = No organisation has shared answers yet.
group_campaign-list_title = Shared démarches
group_campaign-none = No shared démarche yet.
error-group_campaign-structures = Tick at least one organisation.
flash-group_campaign_launched = Démarche launched: each organisation has its campaign.
flash-group_campaign_shared = Choice saved.
harmonisation-title = Harmonisation plan
harmonisation-intro = The actions the group sets itself to share its practices. Each action is carried in each organisation by one of its people, who follows how it goes there.
harmonisation-others_hidden = You see the actions and your organisation's lines. The other organisations' lines will appear if the group's lead shares the démarche.
harmonisation-empty = No action yet.
harmonisation-addresses = Objective: { $n }
harmonisation-due = due by { $n }
harmonisation-progress = Organisations that have done it: { $n } of { $arg2 }
harmonisation-lines_caption = Progress of « { $n } » in each organisation
harmonisation-structure = Organisation
harmonisation-owner = Owner
harmonisation-owner_hint = The person who carries the action in this organisation.
harmonisation-owner_none = To be named by the organisation
harmonisation-step = Step
harmonisation-note = Where the organisation stands
harmonisation-note_hint = A few words for the group: what is done, what is stuck.
harmonisation-update = Update
harmonisation-remove = Remove the action
harmonisation-add_title = Add a shared action
harmonisation-action_title = The action
harmonisation-action_title_hint = What every organisation will do, in one sentence (« A shared welcome booklet »).
harmonisation-description = How
harmonisation-node = Pillar or objective concerned
harmonisation-node_hint = Optional: the referential's objective the action moves forward.
harmonisation-node_none = None in particular
harmonisation-due_on = Due by
harmonisation-owners = Who carries the action in each organisation
harmonisation-owners_hint = Choose among each organisation's coordinators, or let the organisation name the person.
harmonisation-add = Add the action
harmonisation-line_title = The action at { $n }
harmonisation-conflict = Someone updated this line while you were writing. Here is their version; yours is kept in the form. Save it to replace theirs, knowingly.
harmonisation-theirs = Their version:
harmonisation-save = Save
harmonisation-save_anyway = Save my version
harmonisation-link = The group's harmonisation plan
harmonisation-consolidation_title = The group's consolidation, indicator by indicator
harmonisation-consolidation_intro = Each organisation's consolidated position on each indicator, and the group's (the organisations' mean).
error-harmonisation-title = Write the action (200 characters at most).
error-harmonisation-text = 2,000 characters at most.
error-harmonisation-node = Choose a pillar or an objective from the list.
error-harmonisation-due_on = Write a date that exists, for example 15/03/2027.
error-harmonisation-status = Choose a step from the list.
flash-harmonisation_added = Action added to the harmonisation plan.
flash-harmonisation_line_saved = Line saved.
flash-harmonisation_removed = Action removed from the harmonisation plan.
harmonisation-consolidation_show = See each indicator
harmonisation-part_of = This campaign is part of a démarche of your group.

## A day at a venue, offline: the campaign taken out to a laptop and its results brought back
venue-link = Prepare a day at a venue, offline
venue-campaign_hint = A day somewhere without a good connection?
venue-title = A day at a venue, offline
venue-intro = For a day somewhere without reliable internet, take the campaign out on a laptop: phones connect to it through the venue's Wi-Fi (or the laptop's hotspot), and workshops and answers work as they do here. Back home, bring the results back: Cap shows you what changed on both sides, and nothing is overwritten without your choice.
venue-take_out_title = 1. Take the campaign out
venue-take_out_intro = Download the campaign's file the day before: it holds the referential, the participants, their collèges and the answers given so far. It is signed by this server and only valid until the day chosen.
venue-days = Days of validity
venue-days_hint = Between 1 and 60 days (14 if left empty). The results must be brought back before then.
venue-download_bundle = Download the campaign's file
venue-laptop_command = On the laptop, run:
venue-bundle_file = FILE
venue-bring_back_title = 2. Bring the results back
venue-bring_back_intro = On the laptop, download the results from the campaign's « day at a venue » page, then send that file here. Cap checks all of it before showing you what it brings; nothing is written at this step.
venue-results_file = Results file (.json)
venue-results_file_hint = The file « cap-resultats-lieu-campagne-… .json » downloaded on the laptop.
venue-check_results = Check the results
venue-refused = The file was not imported
venue-refused-not_a_file = This is not a Cap results file. Choose the file « cap-resultats-lieu-campagne-… .json » downloaded on the laptop.
venue-refused-wrong_kind = This is the campaign's file taken out, not its results. On the laptop, download the results and send that file.
venue-refused-format = This file comes from another version of Cap. Update Cap on the laptop, then download the results again.
venue-refused-tampered = This file was changed after it was written, or does not come from this server: its signature does not match. Nothing was imported. Download the results again on the laptop, without opening or editing them.
venue-refused-expired = The campaign taken out was only valid until { $n }: its results are no longer accepted. Nothing was imported.
venue-refused-other_campaign = These are another campaign's results. Send them from their campaign's page.
venue-refused-too_large = The file is over 8 MB: it is not a Cap results file.
venue-refused-no_file = Choose the results file to send.
venue-imports_title = Results brought back
venue-import_of = Results sent on { $n }
venue-applied_on = imported on { $n }
venue-waiting = to check and import
venue-copy_intro = This computer runs a copy of the campaign for the day. Phones connect to it with the address shown when it started.
venue-copy_step_workshop = Open workshops from the campaign's page as usual: phones join a workshop with its code or QR code.
venue-copy_step_results = At the end of the day, download the results below (as often as you like: the file always holds everything).
venue-copy_step_back = Back home, send that file from the campaign's « day at a venue » page on the federation's server.
venue-download_results = Download the results
venue-download_results_hint = Keep a copy on a USB stick too: if the computer fails, the results are in it.
venue-banner_title = Copy for a day at a venue.
venue-banner = Answers stay on this computer until they are brought back to { $n } (by { $arg2 } at the latest).
venue-review_title = Results brought back from the venue
venue-review_intro = Campaign taken out on { $n }, results written on { $arg2 }; workshops held there: { $arg3 }.
venue-count_apply =
    { $n ->
        [one] { $n } answer changed at the venue only: it will be written
       *[other] { $n } answers changed at the venue only: they will be written
    }
venue-count_same =
    { $n ->
        [one] { $n } answer already the same here: nothing to write
       *[other] { $n } answers already the same here: nothing to write
    }
venue-count_conflict =
    { $n ->
        [one] { $n } answer changed on both sides: yours to choose
       *[other] { $n } answers changed on both sides: yours to choose
    }
venue-count_gone =
    { $n ->
        [one] { $n } answer of a person erased since: it will not be written
       *[other] { $n } answers of people erased since: they will not be written
    }
venue-conflicts_title = Answers changed on both sides
venue-conflicts_intro = For each, keep the server's answer or take the venue's. Nothing is written until you have chosen for all of them.
venue-shared_answer = shared answer
venue-on_server = On the server
venue-at_venue = At the venue
venue-keep_server = Keep the server's answer
venue-take_venue = Take the venue's answer
venue-apply = Import the results
venue-not_applied = Nothing was imported
venue-undecided =
    { $n ->
        [one] Choose an answer for the { $n } answer changed on both sides.
       *[other] Choose an answer for each of the { $n } answers changed on both sides.
    }
venue-changed_meanwhile = An answer changed again on the server while you were reading. Here is the comparison brought up to date: check it, then import again.
venue-all_title = Every answer brought back
venue-indicator = Indicator
venue-whose = Answer of
venue-outcome = What will be done
venue-outcome_apply = written
venue-outcome_same = already the same
venue-outcome_conflict = to choose
venue-outcome_gone = not written (person erased)
error-venue-days = Write a number of days between 1 and 60
flash-venue_applied = Results from the venue imported.
flash-venue_already_applied = These results had already been imported: nothing changed.
venue-no_new_people = On this copy, nobody is added to the campaign: someone added here would not exist on the server, and their answers could not go back there. Add them on the server before the day, or have them take part in the workshops with their phone.
venue-show_link = Personal link
flash-venue_no_new_people = Nobody is added on a venue copy: add the person on the federation's server.
deployment-and_others =
    { $n ->
        [one] and { $n } other
       *[other] and { $n } others
    }
