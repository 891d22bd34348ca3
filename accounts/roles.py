"""Staff roles: Django groups with exactly the permissions each job needs.

Give someone a role in the admin: Użytkownicy i grupy → Użytkownicy → „Dodaj pracownika” (an
invitation, accounts/admin.py) or the person's account → „Rola” (docs/dla-pracownikow.md, „Role”).
The groups are created by accounts/migrations/0001_create_roles.py and brought back to these
permissions after every `migrate` (accounts/apps.py), so a model added or moved later gets its
permissions without a hand-edit in the admin.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

ALL = ("add", "change", "delete", "view")

REDAKTOR = "Redaktor"
# Writes posts and sends them for approval; a Redaktor or an Administrator publishes them (news/review.py).
AUTHOR = "Osoba przygotowująca wpisy"
# Staff of one partner institution (a gmina, the Starostwo): writes its posts and sends them for
# approval, and keeps its institution's contacts up to date; sees nothing of other institutions
# (members/partner_access.py, the account's institution in members.InstitutionAccount).
PARTNER = "Osoba z instytucji partnerskiej"
MODERATOR = "Moderator"
ADMINISTRATOR = "Administrator"

# The partner institutions and their representatives; no role but the Administrator deletes an
# institution (its offices go with it).
PARTNERS = {
    "members.institution": ("add", "change", "view"),
    # Approves what an institution's own account proposes for its page (members/proposals.py).
    "members.institutionchange": ("approve",),
    "members.person": ("add", "change", "view"),
    "members.office": ALL,
}

# The permission that marks an account limited to its own partner institution.
LIMITED_TO_INSTITUTION = "limit"

# "app_label.model_name": actions.
ROLES = {
    REDAKTOR: {
        # "publish": publishes posts, and approves those sent for approval.
        "news.post": (*ALL, "publish"),
        "news.category": ALL,
        "pages.page": ALL,
        # The library of documents and the „Załączniki” of posts and pages that list them.
        "library.document": ALL,
        # Images come into the library from the editor; here they are renamed, replaced, removed.
        "library.image": ("change", "delete", "view"),
        "news.postattachment": ALL,
        "pages.pageattachment": ALL,
        # The site's structure: the main menu, the home page, old addresses of moved pages.
        "pages.menuitem": ALL,
        "pages.homepage": ("change", "view"),
        "pages.homeblock": ("change", "view"),
        # Its notices and link tiles, added and removed with the home page's form.
        "pages.announcement": ALL,
        "pages.hometile": ALL,
        # The information about the activity in three forms (ETR, PJM, machine-readable text).
        "pages.activityinformation": ("add", "change", "view"),
        "pages.pageredirect": ("delete", "view"),
        # "publish": publishes meetings, and approves those proposed for approval (meetings/review.py).
        "meetings.meeting": (*ALL, "publish"),
        "meetings.report": ALL,
        "meetings.photo": ALL,
        "meetings.document": ALL,
        "meetings.agendaitem": ALL,
        "meetings.venue": ALL,
        # What the public pages say about the partnership: contacts, the accessibility statement,
        # the agreements and the partner institutions with their representatives.
        # One row each (SingleRowAdminMixin): the Redaktor makes it when a fresh site has none,
        # where the admin's to-do list sends her.
        "pages.coordinator": ("add", "change", "view"),
        "pages.accessibilitystatement": ("add", "change", "view"),
        "agreement.agreement": ALL,
        "agreement.signature": ALL,
        **PARTNERS,
        # The metryczka register of what was changed (read-only in the admin).
        "changelog.changerecord": ("view",),
    },
    # No "publish": a post is sent for approval. A published post is only viewed (news/admin.py).
    AUTHOR: {
        "news.post": ("add", "change", "view"),
        "news.category": ("view",),  # the category picker of the post's form
    },
    # As AUTHOR, for its own institution's posts only; its institution's description and contacts
    # (no add, no delete: members/admin.py). It proposes its institution's meetings, with their
    # programme and documents, for approval (no "publish"; meetings/review.py); no reports.
    PARTNER: {
        "members.institutionaccount": (LIMITED_TO_INSTITUTION,),
        "news.post": ("add", "change", "view"),
        "news.category": ("view",),
        "members.institution": ("change", "view"),
        "meetings.meeting": ("add", "change", "view"),
        "meetings.agendaitem": ALL,
        "meetings.photo": ALL,
        "meetings.document": ALL,
    },
    MODERATOR: {
        "news.comment": ("change", "delete", "view"),
        "members.accessionrequest": ("change", "view"),
        # Requests for accessibility: answered within the statutory deadlines.
        "accessibility.accessibilityrequest": ("change", "view"),
        "accessibility.caseevent": ("view",),
        # Accepting a request makes an unpublished institution: the Moderator completes and
        # publishes it (members/admin.py accept_view opens its form).
        **PARTNERS,
    },
    # Everything, newsletter sending and accounts included.
    ADMINISTRATOR: "__all__",
}

# What each role does, in the words of the invitation and the role picker (accounts/forms.py).
ROLE_WORK = {
    REDAKTOR: (
        "wpisy, strony i menu, biblioteka dokumentów i obrazów, spotkania z relacjami, partnerzy, porozumienia, "
        "kontakt i deklaracja dostępności"
    ),
    AUTHOR: "wpisy wysyłane do akceptacji przed publikacją",
    PARTNER: (
        "wpisy i spotkania jednej instytucji partnerskiej oraz zmiany jej opisu i danych kontaktowych, "
        "wysyłane do akceptacji"
    ),
    MODERATOR: "komentarze, zgłoszenia przystąpienia z danymi przyjętych partnerów, zgłoszenia dotyczące dostępności",
    ADMINISTRATOR: "wszystko, także newsletter i konta pracowników",
}


def _permissions(apps, spec):
    Permission = apps.get_model("auth", "Permission")
    if spec == "__all__":
        # All but the mark of an account limited to one partner institution (members/partner_access.py).
        return list(
            Permission.objects.exclude(
                content_type__app_label="members", codename=f"{LIMITED_TO_INSTITUTION}_institutionaccount"
            )
        )
    wanted = []
    for label, actions in spec.items():
        app_label, model_name = label.split(".")
        wanted += [(app_label, f"{action}_{model_name}") for action in actions]
    found = Permission.objects.filter(content_type__app_label__in={a for a, _ in wanted}).select_related("content_type")
    by_key = {(p.content_type.app_label, p.codename): p for p in found}
    return [by_key[key] for key in wanted if key in by_key]


def sync_roles(apps=global_apps, using="default", create=True):
    """Create the groups if missing and give each exactly its permissions (idempotent).

    ``create=False`` when every app's permissions exist already (after the last post_migrate).
    """
    if create:  # in a migration, the permissions of later apps do not exist yet: make them first
        for app_config in global_apps.get_app_configs():
            create_permissions(app_config, verbosity=0, using=using, apps=apps)
    Group = apps.get_model("auth", "Group")
    for name, spec in ROLES.items():
        group, _ = Group.objects.using(using).get_or_create(name=name)
        group.permissions.set(_permissions(apps, spec))
