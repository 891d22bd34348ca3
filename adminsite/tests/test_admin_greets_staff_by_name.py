"""The admin's header greets staff by name, never by the login address (staff-day review, (b))."""


def test_a_named_account_is_greeted_by_its_name(client, alice):
    alice.first_name, alice.last_name = "Alicja", "Redakcyjna"
    alice.save()
    client.force_login(alice)
    html = client.get("/admin/").text
    assert "Witaj, <strong>Alicja Redakcyjna</strong>." in html
    assert f"<strong>{alice.email}</strong>" not in html


def test_an_account_without_a_name_is_greeted_without_its_address(client, alice):
    alice.first_name = alice.last_name = ""
    alice.save()
    client.force_login(alice)
    html = client.get("/admin/").text
    assert "Witaj." in html
    user_tools = html[html.index('id="user-tools"') :].split("</div>")[0]
    assert alice.email not in user_tools and alice.username not in user_tools
