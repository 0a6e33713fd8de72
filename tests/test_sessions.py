"""Lasting console sessions: stored tokens, the cookie, deep links while signed out, shared checklist ticks."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from opsconsole import audit, db, sessions, ticks
from opsconsole.auth import OPERATOR, VIEWER, User
from opsconsole.errors import SettingsError
from opsconsole.settings import load_settings

from test_pages import OPERATOR_PW, VIEWER_PW, console  # noqa: F401  (console: the pages' environment fixture)

ROOT = Path(__file__).resolve().parents[1]
BOTH = {"OPSCONSOLE_VIEWER_PASSWORD": VIEWER_PW, "OPSCONSOLE_OPERATOR_PASSWORD": OPERATOR_PW}
COOKIE_SCRIPT = re.compile(r'document\.cookie = "opsconsole_session=([A-Za-z0-9_\-]*)" \+ \'; Max-Age=(\d+); '
                           r"Path=/; SameSite=Strict'")


# --- the library ---------------------------------------------------------------------------------

def test_a_session_signs_in_the_same_user_until_it_is_revoked(make_settings) -> None:
    s = make_settings(**BOTH)
    token = sessions.create(s, User("Olga", OPERATOR))
    assert sessions.well_formed(token) and len(token) >= 40
    assert sessions.validate(s, token) == User("Olga", OPERATOR)
    assert sessions.validate(s, token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    with db.connect(s) as conn:  # only the token's sha256 is stored, and no password in any form
        stored = conn.exec_driver_sql("SELECT token_sha256, password_mac FROM opsconsole.console_sessions").all()
    assert stored[0][0] == sessions.digest(token) and token not in str(stored)
    assert OPERATOR_PW not in str(stored) and VIEWER_PW not in str(stored)
    assert [x.name for x in sessions.live(s)] == ["Olga"]
    assert sessions.revoke(s, token) and not sessions.revoke(s, token)
    assert sessions.validate(s, token) is None and sessions.live(s) == []


def test_an_expired_session_is_refused(make_settings) -> None:
    s = make_settings(**BOTH, OPSCONSOLE_SESSION_HOURS="1")
    token = sessions.create(s, User("Vera", VIEWER))
    with db.connect(s) as conn:
        hours = conn.exec_driver_sql("SELECT extract(epoch FROM expires_at - created_at) / 3600 "
                                     "FROM opsconsole.console_sessions").scalar()
    assert round(hours, 3) == 1.0
    assert sessions.validate(s, token) == User("Vera", VIEWER)
    with db.connect(s) as conn, conn.begin():
        conn.exec_driver_sql("UPDATE opsconsole.console_sessions SET expires_at = now() - interval '1 second'")
    assert sessions.validate(s, token) is None


def test_changing_the_roles_password_ends_its_sessions_only(make_settings) -> None:
    s = make_settings(**BOTH)
    viewer, operator = sessions.create(s, User("Vera", VIEWER)), sessions.create(s, User("Olga", OPERATOR))
    changed = make_settings(OPSCONSOLE_VIEWER_PASSWORD=VIEWER_PW, OPSCONSOLE_OPERATOR_PASSWORD="a-new-one")
    assert sessions.validate(changed, operator) is None
    assert sessions.validate(changed, viewer) == User("Vera", VIEWER)
    no_viewers = make_settings(OPSCONSOLE_OPERATOR_PASSWORD=OPERATOR_PW)
    assert sessions.validate(no_viewers, viewer) is None and sessions.validate(no_viewers, operator) is not None


def test_malformed_and_unknown_tokens_are_refused_without_a_table(make_settings) -> None:
    s = make_settings(**BOTH)
    for token in (None, "", "short", "x" * 200, "a b" * 20, "'; DROP TABLE x; --" * 3):
        assert sessions.validate(s, token) is None
    assert sessions.validate(s, "A" * 43) is None  # well formed, but no table yet
    assert not sessions.revoke(s, "bad token")


def test_session_hours_setting_is_validated_and_read_from_secrets() -> None:
    base = {"DATABASE_URL": "postgresql://app@db.example.com:5432/app"}
    assert load_settings(env=base, secrets={}, base_dir=Path("/tmp")).session_hours == 12
    assert load_settings(env=base, secrets={"OPSCONSOLE_SESSION_HOURS": 8}, base_dir=Path("/tmp")).session_hours == 8
    assert load_settings(env={**base, "OPSCONSOLE_SESSION_HOURS": "24"}, secrets={"OPSCONSOLE_SESSION_HOURS": 8},
                         base_dir=Path("/tmp")).session_hours == 24
    for bad, said in (("0", "greater than 0"), ("twelve", "whole number"), ("721", "at most 720")):
        with pytest.raises(SettingsError, match=said) as caught:
            load_settings(env={**base, "OPSCONSOLE_SESSION_HOURS": bad}, secrets={}, base_dir=Path("/tmp"))
        assert "OPSCONSOLE_SESSION_HOURS" in str(caught.value)


# --- the console ---------------------------------------------------------------------------------

@pytest.fixture(autouse=True)
def router(monkeypatch: pytest.MonkeyPatch) -> None:
    """Route like a running server (see tests/test_pages.py): app.py's st.navigation, not the pages/ folder."""
    original = PagesManager.__init__

    def init(self: PagesManager, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> SimpleNamespace:
    """The browser's side of the WebSocket: the cookies it sends when a tab opens (AppTest cannot seed them)."""
    client = SimpleNamespace(cookies={}, headers=[], remote_ip="192.0.2.10")
    monkeypatch.setattr("streamlit.runtime.context._get_client_context", lambda: client)
    return client


def new_tab(page: str | None = None) -> AppTest:
    """A fresh browser tab (a new Streamlit session), opened on app.py or straight on a page's URL."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    if page is not None:
        at.switch_page(f"pages/{page}.py")
    return at.run()


def titles(at: AppTest) -> list[str]:
    return [t.value for t in at.title]


def cookie_set(at: AppTest) -> tuple[str, int] | None:
    """The cookie the page's script sets (token, Max-Age), if it sends one."""
    for element in at.get("html"):
        if match := COOKIE_SCRIPT.search(element.proto.body):
            assert element.proto.unsafe_allow_javascript
            return match[1], int(match[2])
    return None


def sign_in(at: AppTest, password: str, name: str = "", role: str = "any") -> AppTest:
    at.radio(key="signin_role").set_value(role)
    at.text_input(key="signin_name").input(name)
    at.text_input(key="signin_password").input(password)
    at.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_signing_in_sets_a_cookie_that_signs_in_a_new_tab_until_sign_out(console, browser) -> None:
    settings = console(OPSCONSOLE_SESSION_HOURS="5")
    at = sign_in(new_tab(), OPERATOR_PW, "Olga", role="operator")
    assert titles(at) == ["Overview"] and at.session_state["user"] == User("Olga", OPERATOR)
    token, max_age = cookie_set(at)
    assert max_age == 5 * 3600 and sessions.validate(settings, token) == User("Olga", OPERATOR)
    assert "Signed in as **Olga** · operator" in [m.value for m in at.markdown]

    browser.cookies = {sessions.COOKIE: token}  # a reload, a link or a new tab sends the cookie
    again = new_tab("upgrade")
    assert titles(again) == ["Upgrade"] and again.session_state["user"] == User("Olga", OPERATOR)
    assert cookie_set(again) is None  # nothing to set again
    again.button(key="sign_out").click().run()
    assert "user" not in again.session_state and titles(again) == ["Sign in to opsconsole"]
    assert cookie_set(again) == ("", 0)  # the cookie is cleared
    assert sessions.validate(settings, token) is None
    assert titles(new_tab("upgrade")) == ["Sign in to opsconsole"]  # a tab that still sends it is refused


def test_an_expired_or_revoked_cookie_shows_the_sign_in_form_and_clears_it(console, browser) -> None:
    settings = console()
    expired, revoked = sessions.create(settings, User("Vera", VIEWER)), sessions.create(settings, User("Olga", OPERATOR))
    with db.connect(settings) as conn, conn.begin():
        conn.exec_driver_sql("UPDATE opsconsole.console_sessions SET expires_at = now() - interval '1 minute' "
                             "WHERE token_sha256 = %s", (sessions.digest(expired),))
    sessions.revoke(settings, revoked)
    for token in (expired, revoked, "forged-" + "x" * 40):
        browser.cookies = {sessions.COOKIE: token}
        at = new_tab("history")
        assert titles(at) == ["Sign in to opsconsole"] and "user" not in at.session_state
        assert cookie_set(at) == ("", 0)


def test_a_signed_out_deep_link_signs_in_and_lands_on_the_requested_page(console, browser) -> None:
    console()
    at = new_tab("checklist")
    assert titles(at) == ["Sign in to opsconsole"] and not at.exception
    assert not [b for b in at.button if b.key == "refresh_checklist"]  # the page itself does not run before sign-in
    assert "Then you will see **Emergency checklist**, the page you asked for." in [c.value for c in at.caption]
    sign_in(at, VIEWER_PW, "Vera")
    assert titles(at) == ["Emergency checklist"] and at.session_state["user"] == User("Vera", VIEWER)
    at.run()  # and it stays there
    assert titles(at) == ["Emergency checklist"]


def test_sign_out_in_one_tab_ends_the_other_tab_too(console, browser) -> None:
    settings = console()
    at = sign_in(new_tab(), VIEWER_PW, "Vera")
    browser.cookies = {sessions.COOKIE: cookie_set(at)[0]}
    other = new_tab("status")
    assert titles(other) == ["Schema status"]
    at.button(key="sign_out").click().run()
    other.session_state["_session_checked"] = 0.0  # its next periodic check is due
    other.run()
    assert titles(other) == ["Sign in to opsconsole"] and "user" not in other.session_state
    assert sessions.live(settings) == []


def test_the_demo_without_passwords_skips_sign_in_and_shows_its_banner_everywhere(console, browser,
                                                                                   tmp_path: Path) -> None:
    console(DATABASE_URL=None, OPSCONSOLE_VIEWER_PASSWORD=None, OPSCONSOLE_OPERATOR_PASSWORD=None,
            OPSCONSOLE_HOME=str(tmp_path / ("x" * 120)))
    at = new_tab("checklist")
    assert at.session_state["user"] == User("demo", OPERATOR) and titles(at) == ["Emergency checklist"]
    assert not [b for b in at.button if b.key == "sign_out"]  # nothing to sign out of
    warnings = [w.value for w in at.warning]
    assert sum("EMBEDDED DEMO DATABASE" in w for w in warnings) == 1  # drawn once, by app.py


def test_ticks_are_shared_between_two_people_with_who_and_when(console, browser) -> None:
    settings = console()
    vera = sign_in(new_tab("checklist"), VIEWER_PW, "Vera")
    assert not [b for b in vera.button if b.key == "clear_ticks"]  # viewers may tick, not clear
    vera.checkbox(key="tick-cancel-publish").check().run()
    assert not vera.exception
    assert ticks.read(settings)["cancel-publish"].by == "Vera"
    olga = sign_in(new_tab("checklist"), OPERATOR_PW, "Olga", role="operator")
    assert olga.checkbox(key="tick-cancel-publish").value
    assert not olga.checkbox(key="tick-restart-workflow").value
    said = "\n".join(c.value for c in olga.caption)
    assert re.search(r"Ticked by \*\*Vera\*\*, \w{3} \d{2} \w{3} \d{4}, \d{2}:\d{2} UTC", said), said
    olga.checkbox(key="tick-cancel-publish").uncheck().run()
    vera.run()  # Vera's next look shows Olga's untick
    assert not vera.checkbox(key="tick-cancel-publish").value
    assert "Unticked by **Olga**" in "\n".join(c.value for c in vera.caption)
    vera.checkbox(key="tick-publish-again").check().run()
    olga.button(key="clear_ticks").click().run()
    assert ticks.read(settings) == {} and not olga.checkbox(key="tick-publish-again").value
    with db.connect(settings) as conn:
        actions = [(e.actor, e.action, e.outcome) for e in reversed(audit.log(conn))]
    assert actions == [("Vera", "checklist cancel-publish", "ticked"), ("Olga", "checklist cancel-publish", "unticked"),
                       ("Vera", "checklist publish-again", "ticked"), ("Olga", "checklist clear-all", "ok")]


@pytest.mark.parametrize("address", ["203.0.113.5", "127.0.0.1"])  # a known address; none (a local server)
def test_wrong_passwords_in_one_browser_never_refuse_the_right_one_in_another(console, browser, address) -> None:
    settings = console()
    browser.remote_ip = address
    mallory = new_tab("upgrade")
    for _ in range(4):
        sign_in(mallory, "guess", "Mallory", role="operator")
    assert "too many wrong passwords" in "\n".join(e.value for e in mallory.error)
    assert "user" not in mallory.session_state
    if address != "127.0.0.1":
        browser.remote_ip = "198.51.100.7"  # another browser elsewhere; without addresses, just another tab
    olga = sign_in(new_tab("upgrade"), OPERATOR_PW, "Olga", role="operator")
    assert olga.session_state["user"] == User("Olga", OPERATOR) and titles(olga) == ["Upgrade"]
    # and operators see every failed attempt, from where
    olga.switch_page("pages/history.py").run()
    failed = [d.value for d in olga.dataframe if "Role tried" in d.value.columns]
    assert len(failed) == 1
    rows = failed[0]
    assert list(rows["Outcome"]) == ["throttled"] + ["wrong-password"] * 3
    assert set(rows["Name given"]) == {"Mallory"}
    clients = set(rows["Client"])
    assert clients == {address} if address != "127.0.0.1" else (len(clients) == 1 and
                                                                 clients.pop().startswith("unknown-"))
    assert len(sessions.live(settings)) == 1


def test_without_the_database_a_sign_in_lasts_for_the_tab_and_says_so(console, browser) -> None:
    console(DATABASE_URL="postgresql://postgres@127.0.0.1:1/postgres")
    browser.cookies = {sessions.COOKIE: "A" * 43}  # a session the database cannot confirm now: not cleared
    at = new_tab("history")
    assert titles(at) == ["Sign in to opsconsole"] and cookie_set(at) is None
    at = sign_in(at, VIEWER_PW, "Vera")
    assert at.session_state["user"] == User("Vera", VIEWER) and titles(at) == ["History"]
    assert cookie_set(at) is None and "session_token" not in at.session_state
    assert "Signed in for this tab only" in "\n".join(w.value for w in at.warning)
    at.run()  # the warning is said once; the tab stays signed in
    assert titles(at) == ["History"] and "Signed in for this tab only" not in "\n".join(w.value for w in at.warning)


# --- per-person sign-in through an identity provider (Streamlit's st.login) ----------------------

IDENTITY = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "not-a-real-secret",
            "client_id": "opsconsole", "client_secret": "example-only",
            "server_metadata_url": "https://idp.example.com/.well-known/openid-configuration"}


def identity_tab(page: str, user: dict[str, object]) -> AppTest:
    """A new tab on a console whose secrets configure an identity provider, with st.user as given."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.secrets["auth"] = IDENTITY
    at.user = user
    at.switch_page(f"pages/{page}.py")
    return at.run()


def test_identity_provider_signs_each_person_in_under_their_own_name(console, browser) -> None:
    settings = console(**BOTH, OPSCONSOLE_OIDC_OPERATORS="@ops.example.com, ana@example.com")
    out = identity_tab("upgrade", {"is_logged_in": False})
    assert titles(out) == ["Sign in to opsconsole"]
    assert out.button(key="signin_identity").label == "Sign in with your organisation's account"
    assert "No console password" not in "\n".join(i.value for i in out.info)  # no setup nagging beside the IdP
    ana = identity_tab("upgrade", {"is_logged_in": True, "email": "Ana@Example.com", "name": "Ana Lopez"})
    assert ana.session_state["user"] == User("Ana Lopez <ana@example.com>", OPERATOR)
    assert titles(ana) == ["Upgrade"]
    ops = identity_tab("upgrade", {"is_logged_in": True, "email": "kim@ops.example.com", "name": ""})
    assert ops.session_state["user"] == User("kim@ops.example.com", OPERATOR)
    vic = identity_tab("upgrade", {"is_logged_in": True, "email": "vic@example.org", "name": "Vic"})
    assert vic.session_state["user"] == User("Vic <vic@example.org>", VIEWER)
    assert "Only operators can upgrade" in "\n".join(i.value for i in vic.info)
    none = identity_tab("overview", {"is_logged_in": True, "name": "No Mail"})  # the IdP released no e-mail
    assert titles(none) == ["Sign in to opsconsole"]
    assert "gave no e\\-mail address" in "\n".join(e.value for e in none.error)  # escaped: shown literally
    console(**BOTH, OPSCONSOLE_OIDC_OPERATORS="ana, @localhost")
    with pytest.raises(SettingsError, match="OPSCONSOLE_OIDC_OPERATORS"):
        load_settings()
    assert settings.oidc_operators == ("@ops.example.com", "ana@example.com")
