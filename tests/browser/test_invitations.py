"""Invitations as people live them, in Chromium: an owner invites, the invitee accepts."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.axe import serious_violations
from tests.browser.helpers import log_in
from tests.factories import PASSWORD, UserFactory
from workspaces.models import Membership, Role

pytestmark = pytest.mark.browser


def invite(page, live_server, workspace, email, role):
    page.goto(live_server.url + reverse("workspaces:members", args=[workspace.slug]))
    form = page.get_by_role("complementary").get_by_role("region", name="Invite someone")
    form.get_by_label("Email").fill(email)
    form.get_by_label("Role").select_option(role)
    form.get_by_role("button", name="Send the invitation").click()


def link_in_mail() -> str:
    return re.search(r"https?://\S+/invitations/\S+/", mail.outbox[-1].body)[0]


def test_an_existing_account_is_neither_named_nor_added_before_accepting(
    live_server, browser, page, owner, workspace
):
    known = UserFactory(email="known@example.com", name="Secret Name")
    log_in(page, live_server, owner)
    invite(page, live_server, workspace, "known@example.com", "commenter")

    expect(page.get_by_text("An invitation was sent to known@example.com")).to_be_visible()
    expect(page.get_by_text("Secret Name")).to_have_count(0)
    pending = page.get_by_role("region", name="Pending invitations")
    expect(pending).to_contain_text("known@example.com")
    expect(pending.get_by_role("button", name="Resend")).to_be_visible()
    expect(pending.get_by_role("button", name="Cancel")).to_be_visible()
    assert serious_violations(page) == []
    assert not Membership.objects.filter(workspace=workspace, user=known).exists()

    # The invitee, in French, opens the link: log in first, then accept.
    context = browser.new_context(locale="fr")
    guest = context.new_page()
    guest.goto(link_in_mail())
    expect(guest.get_by_role("heading", level=1)).to_contain_text(workspace.name)
    expect(guest.get_by_role("main")).to_contain_text(owner.display_name)
    assert serious_violations(guest) == []
    guest.get_by_role("main").get_by_role("link", name="Se connecter").click()
    guest.get_by_label("E-mail").fill("known@example.com")
    guest.get_by_label("Mot de passe").fill(PASSWORD)
    guest.get_by_role("main").get_by_role("button", name="Se connecter").click()
    expect(guest.get_by_role("button", name="Refuser")).to_be_visible()
    assert not Membership.objects.filter(workspace=workspace, user=known).exists()
    guest.get_by_role("button", name="Accepter et rejoindre").click()
    expect(guest.get_by_text(f"Bienvenue dans {workspace.name}.")).to_be_visible()
    context.close()

    assert Membership.objects.get(workspace=workspace, user=known).role == Role.COMMENTER
    page.reload()
    expect(page.get_by_role("region", name="Pending invitations")).to_contain_text(
        "Nobody is waiting"
    )


def test_a_newcomer_sets_a_name_and_a_password(live_server, browser, page, owner, workspace):
    log_in(page, live_server, owner)
    invite(page, live_server, workspace, "nina@example.com", "editor")
    context = browser.new_context(locale="en")
    guest = context.new_page()
    guest.goto(link_in_mail())
    expect(guest.get_by_role("main")).to_contain_text(
        f"{owner.display_name} invites you to the workspace {workspace.name} as editor."
    )
    assert serious_violations(guest) == []
    guest.get_by_label("Your name").fill("Nina Petit")
    guest.get_by_label("Password", exact=True).fill(PASSWORD)
    guest.get_by_label("Password confirmation").fill(PASSWORD)
    guest.get_by_role("button", name="Join the workspace").click()
    expect(guest.get_by_text(f"Welcome to {workspace.name}.")).to_be_visible()
    expect(guest.get_by_role("banner")).to_contain_text("Nina Petit")
    context.close()
    member = Membership.objects.get(workspace=workspace, user__email="nina@example.com")
    assert (member.role, member.user.name) == (Role.EDITOR, "Nina Petit")
