"""Deeply nested and very large rich text, sent to every rich-text field of every admin form and to
the content check: always a 200 with the field's Polish error (or a 400 from the check), never a
5xx and never a stalled worker. Forms and fields are read from the admin, so a new model with a
rich-text field is swept without anyone adding it here."""

import pytest
from django.contrib import admin
from django.core.files import File
from django.urls import reverse

from adminsite.content_checks import rich_text_fields
from core.markup import MAX_CHARS, MAX_ELEMENTS, MarkupTooComplex, check_markup

PAYLOADS = {
    "nested": "<div>" * 160_000 + "x",  # the tester's probe: 800 KB, past a worker's 30 s before
    "nested-quotes": "<blockquote>" * 20_000 + "x",  # kept by the sanitizer, so saves paid too
    "many-elements": "<p>x</p>" * (MAX_ELEMENTS + 1),
    "formatting-across-blocks": "<p>" + "".join(f'<b title="{i}">' for i in range(40)) + "<div>x</div>" * 5000,
    "too-long": "<p>" + "x" * MAX_CHARS + "</p>",
}


def refusal(html):
    with pytest.raises(MarkupTooComplex) as refused:
        check_markup(html)
    return refused.value.message


def admin_form_pages(client, request):
    """(label, url, page) of the add page of every model, or the change page where adding is not allowed."""
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        if model_admin.has_add_permission(request):
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        else:
            obj = model._default_manager.order_by("pk").first()
            if obj is None or not model_admin.has_change_permission(request, obj):
                continue
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        page = client.get(url)
        if page.status_code == 200 and page.context and "adminform" in page.context:
            yield opts.label, url, page


def form_data(page, payload):
    """The page's form as it came, with ``payload`` in every rich-text field, inline rows included."""
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, (list, dict, File))}
    fields = [(None, name, name) for name in rich_text_fields(form)]  # (inline prefix, field, key)
    for admin_formset in page.context["inline_admin_formsets"]:
        formset = admin_formset.formset
        management = formset.management_form
        for name, field in management.fields.items():
            data[f"{management.prefix}-{name}"] = management.initial.get(name, field.initial)
        names = rich_text_fields(formset.form)
        if names:
            data[f"{formset.prefix}-TOTAL_FORMS"] = formset.initial_form_count() + 1
            row = formset.empty_form.prefix.replace("__prefix__", str(formset.initial_form_count()))
            fields += [(formset.prefix, name, f"{row}-{name}") for name in names]
    for _where, _name, key in fields:
        data[key] = payload
    return data, fields


def field_errors(response, where, name):
    if where is None:
        return response.context["adminform"].form.errors.get(name, [])
    for admin_formset in response.context["inline_admin_formsets"]:
        formset = admin_formset.formset
        if formset.prefix == where:
            return formset.forms[-1].errors.get(name, [])
    raise AssertionError(f"no inline {where}")


@pytest.fixture
def staff_request(rf, alice):
    request = rf.get("/admin/")
    request.user = alice
    return request


@pytest.mark.sweep
@pytest.mark.parametrize("payload", PAYLOADS, ids=list(PAYLOADS))
def test_every_rich_text_field_refuses_hostile_rich_text(client, alice, every_model, staff_request, payload):
    client.force_login(alice)
    html, message = PAYLOADS[payload], refusal(PAYLOADS[payload])
    swept = set()
    for label, url, page in admin_form_pages(client, staff_request):
        data, fields = form_data(page, html)
        if not fields:
            continue
        response = client.post(url, data)
        assert response.status_code == 200, f"POST {url} ({payload}): {response.status_code}"
        for where, name, _key in fields:
            assert message in field_errors(response, where, name), f"{label}.{name} ({payload})"
            swept.add(f"{label}.{name}" if where is None else f"{label} → {where}.{name}")
    # Every model whose admin form has a rich-text field, read from the admin as above.
    having = {
        f"{model._meta.label}.{name}"
        for model, model_admin in admin.site._registry.items()
        for name in rich_text_fields(model_admin.get_form(staff_request))
    }
    assert having <= swept


@pytest.mark.sweep
@pytest.mark.parametrize("payload", PAYLOADS, ids=list(PAYLOADS))
def test_the_content_check_refuses_hostile_rich_text(client, alice, payload):
    client.force_login(alice)
    response = client.post("/admin/sprawdz-tresc/", {"html": PAYLOADS[payload]})
    assert response.status_code == 400
    assert response.json() == {"error": refusal(PAYLOADS[payload])}
