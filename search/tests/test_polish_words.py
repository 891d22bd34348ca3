"""The Polish dictionary behind the search (search/polish.py)."""

import subprocess
import sys

from search import polish


def test_lemmas_follow_alternations_and_place_names_in_any_case():
    assert "rynek" in polish.lemmas("rynku")
    assert polish.lemmas("urzędzie") == {"urząd"}
    assert "Nasielsk" in polish.lemmas("nasielsku")  # typed in lower case, still the town
    assert "Czosnów" in polish.lemmas("Czosnowie")
    assert {"gmina", "gmin"} <= polish.lemmas("gminom")


def test_forms_cover_every_reading():
    forms = polish.forms("szkoleń")
    assert {"szkolenie", "szkoleniach", "szkolić", "szkoli"} <= forms
    assert {"gminom", "gminach", "gminę"} <= polish.forms("gmina")


def test_a_word_the_dictionary_does_not_know_has_no_lemmas_and_stands_for_itself():
    assert not polish.is_known("absolwemci")
    assert polish.forms("absolwemci") == {"absolwemci"}


def test_importing_the_module_loads_no_dictionary():
    code = "import search.polish as p; print(hasattr(p._local, 'analyser'))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"
