"""Open data: the partnership's institutions, the agreement's signatories and its meetings.

Each data set is described once (title, description, columns) and served as
CSV and JSON at /dane/<slug>.csv and /dane/<slug>.json, from the same rows the
pages show. The page /dane/ lists them with their licence.
"""

import csv
import io
import re

from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from agreement.models import Signature
from core.links import absolute_url
from meetings.models import Meeting, Report
from members.models import Institution, Office

LICENCE = {
    "name": "Creative Commons Uznanie autorstwa 4.0 Międzynarodowe (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/deed.pl",
    "attribution": "Partnerstwo Lokalne Powiatu Nowodworskiego",
}


def institution_rows():
    current = Office.objects.current().select_related("person").order_by("position", "pk")
    institutions = Institution.objects.published().prefetch_related(
        Prefetch("offices", current, to_attr="current_offices")
    )
    for i in institutions:
        office = i.current_offices[0] if i.current_offices else None
        yield {
            "id": i.pk,
            "nazwa": i.name,
            "nazwa_skrocona": i.short_name,
            "rodzaj": i.get_kind_display(),
            "gmina": i.get_gmina_display(),
            "adres": i.address,
            "strona_www": i.website,
            "email": i.email,
            "telefon": i.phone,
            "bip": i.bip_url,
            "przedstawiciel": office.person.full_name if office else "",
            "funkcja_przedstawiciela": office.function if office else "",
            "adres_w_portalu": absolute_url(i.get_absolute_url()),
        }


def signatory_rows():
    signatures = (
        Signature.objects.published()
        .select_related("agreement", "person", "institution")
        .order_by("agreement__signed_on", "agreement_id", "order", "pk")
    )
    for s in signatures:
        yield {
            "porozumienie": s.agreement.title,
            "data_podpisania": s.agreement.signed_on.isoformat(),
            "kolejnosc": s.order,
            "funkcja": s.function,
            "imie_i_nazwisko": s.person.full_name if s.person else "",
            "instytucja": s.institution.name,
            "uwagi": s.note,
            "adres_instytucji_w_portalu": absolute_url(s.institution.get_absolute_url()),
        }


def meeting_rows():
    meetings = (
        Meeting.objects.published()
        .select_related("venue")
        .annotate(has_public_report=Exists(Report.objects.published().filter(meeting=OuterRef("pk"))))
        .prefetch_related(Prefetch("participants", Institution.objects.published().only("name").order_by("name")))
        .order_by("date", "start_time", "pk")
    )
    for m in meetings:
        yield {
            "id": m.pk,
            "tytul": m.title,
            "cykl": m.series,
            "data": m.date.isoformat(),
            "godzina_rozpoczecia": m.start_time.strftime("%H:%M") if m.start_time else "",
            "godzina_zakonczenia": m.end_time.strftime("%H:%M") if m.end_time else "",
            "status": m.get_status_display(),
            "nowa_data": m.new_date.isoformat() if m.new_date else "",
            "miejsce": m.venue.name if m.venue else "",
            "adres_miejsca": m.venue.address if m.venue else "",
            "gmina": m.venue.get_gmina_display() if m.venue and m.venue.gmina else "",
            "uczestnicy": "; ".join(i.name for i in m.participants.all()),
            "relacja_opublikowana": m.has_public_report,
            "adres_w_portalu": absolute_url(m.get_absolute_url()),
        }


DATASETS = {
    "instytucje": {
        "title": "Instytucje partnerstwa",
        "description": "Instytucje tworzące Partnerstwo Lokalne: nazwa, rodzaj, gmina, dane kontaktowe "
        "i osoba, która obecnie reprezentuje instytucję.",
        "rows": institution_rows,
        "columns": {
            "id": "identyfikator w portalu",
            "nazwa": "pełna nazwa",
            "nazwa_skrocona": "nazwa skrócona",
            "rodzaj": "rodzaj instytucji",
            "gmina": "gmina",
            "adres": "adres",
            "strona_www": "strona internetowa",
            "email": "adres e-mail",
            "telefon": "telefon",
            "bip": "adres Biuletynu Informacji Publicznej",
            "przedstawiciel": "obecny przedstawiciel",
            "funkcja_przedstawiciela": "funkcja obecnego przedstawiciela",
            "adres_w_portalu": "strona w portalu",
        },
    },
    "sygnatariusze": {
        "title": "Sygnatariusze porozumienia",
        "description": "Podpisy pod porozumieniami partnerstwa: funkcja pełniona w dniu podpisania, imię "
        "i nazwisko osoby podpisującej (gdy jest znane) i instytucja, w kolejności podpisów.",
        "rows": signatory_rows,
        "columns": {
            "porozumienie": "tytuł porozumienia",
            "data_podpisania": "data podpisania (RRRR-MM-DD)",
            "kolejnosc": "kolejność podpisu",
            "funkcja": "funkcja w dniu podpisania",
            "imie_i_nazwisko": "imię i nazwisko (puste, gdy znana jest tylko funkcja)",
            "instytucja": "instytucja",
            "uwagi": "uwagi",
            "adres_instytucji_w_portalu": "strona instytucji w portalu",
        },
    },
    "spotkania": {
        "title": "Spotkania partnerstwa",
        "description": "Spotkania planowane i odbyte: data, godziny, status, miejsce, instytucje uczestniczące "
        "i informacja, czy opublikowano relację.",
        "rows": meeting_rows,
        "columns": {
            "id": "identyfikator w portalu",
            "tytul": "tytuł",
            "cykl": "cykl spotkań",
            "data": "data (RRRR-MM-DD)",
            "godzina_rozpoczecia": "godzina rozpoczęcia",
            "godzina_zakonczenia": "godzina zakończenia",
            "status": "status",
            "nowa_data": "nowa data (gdy przełożone)",
            "miejsce": "miejsce",
            "adres_miejsca": "adres miejsca",
            "gmina": "gmina",
            "uczestnicy": "instytucje uczestniczące (rozdzielone średnikiem)",
            "relacja_opublikowana": "czy opublikowano relację",
            "adres_w_portalu": "strona spotkania w portalu",
        },
    },
}


@require_GET
def index(request):
    return render(request, "opendata/open_data.html", {"datasets": DATASETS, "licence": LICENCE})


def _dataset(slug):
    try:
        return DATASETS[slug]
    except KeyError:
        raise Http404("Nie ma takiego zbioru danych.") from None


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Digits, spaces and signs only (a phone number, a negative number): no function, reference or
# command can be written with them, so they stay as they are.
PLAIN_NUMBER = re.compile(r"[0-9 +\-.,()]+")


def csv_cell(value):
    """A value as a CSV cell a spreadsheet shows as text: a formula gets a leading apostrophe."""
    if value is True or value is False:
        return "tak" if value else "nie"
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


@require_GET
def dataset_csv(request, slug):
    dataset = _dataset(slug)
    out = io.StringIO()
    out.write("\ufeff")  # a BOM, so spreadsheets read Polish letters right
    writer = csv.DictWriter(out, fieldnames=list(dataset["columns"]), lineterminator="\r\n")
    writer.writeheader()
    for row in dataset["rows"]():
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{slug}.csv"'
    return response


@require_GET
def dataset_json(request, slug):
    dataset = _dataset(slug)
    data = {
        "zbior": dataset["title"],
        "opis": dataset["description"],
        "licencja": LICENCE,
        "wygenerowano": timezone.localtime().isoformat(timespec="seconds"),
        "kolumny": dataset["columns"],
        "rekordy": list(dataset["rows"]()),
    }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
