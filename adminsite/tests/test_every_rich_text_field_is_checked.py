"""Every CKEditor 5 field in the admin, on its own page or in an inline, gets the content checks."""

from django.contrib import admin
from django.test import RequestFactory

from adminsite.content_checks import ContentChecksForm, rich_text_fields


def test_every_form_with_a_rich_text_field_checks_it(alice):
    request = RequestFactory().get("/admin/")
    request.user = alice
    checked = set()
    for model, model_admin in admin.site._registry.items():
        forms = [(model._meta.label, model_admin.get_form(request))]
        forms += [
            (f"{model._meta.label} → {inline.model._meta.label}", inline.get_formset(request).form)
            for inline in model_admin.get_inline_instances(request)
        ]
        for where, form in forms:
            if rich_text_fields(form):
                assert issubclass(form, ContentChecksForm), where
                checked.update(f"{where}.{name}" for name in rich_text_fields(form))
    assert checked == {
        "news.Post.body",
        "pages.Page.body",
        "pages.ActivityInformation.easy_to_read",
        "meetings.Meeting.description",
        "meetings.Meeting → meetings.Report.body",
        "meetings.Report.body",
        "agreement.Agreement.text",
        "members.Institution.description",
        "newsletter.Issue.body",
        "pages.HomePage.home_intro",
    }
