"""Demo newsletter content: one draft issue for staff to try the editor, the test send and the count.

No demo subscribers: addresses are personal data and every one must be confirmed by its owner.
"""

from newsletter.models import Issue

DRAFT_BODY = """
<p>Witamy w pierwszym wydaniu newslettera Partnerstwa Lokalnego Powiatu Nowodworskiego.</p>
<p>W newsletterze będziemy zbierać najważniejsze informacje o pracach partnerstwa: spotkaniach, inicjatywach
partnerów i sprawach lokalnego rynku pracy.</p>
"""


def load(log):
    if Issue.objects.filter(kind=Issue.Kind.NEWSLETTER).exists():
        return  # staff have issues of their own (or renamed this one): add nothing
    issue = Issue.objects.create(subject="Newsletter Partnerstwa Lokalnego – wydanie próbne", body=DRAFT_BODY)
    log("wysyłka (szkic)", issue, True)
