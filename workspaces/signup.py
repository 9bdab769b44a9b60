"""Sign-up that tells nobody whether an address has an account.

Every valid sign-up answers the same page ("check your inbox") and sends one mail to the
address: to a new address, the link that confirms it, activates the account and opens its first
workspace; to an address that has an account, a note to its owner that someone tried, with the
way to log in or reset the password. Only the address's owner learns which it was.
"""

from django.contrib.auth import login
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from accounts.forms import SignupForm
from accounts.models import User
from core import throttle
from workspaces.models import Workspace


@throttle.limit_posts(throttle.SIGNUP)
def signup(request: HttpRequest) -> HttpResponse:
    """Creates the account, inactive, and its first workspace owned by the new user; the mailed
    link activates it."""
    if request.user.is_authenticated:
        return redirect("home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        existing = User.objects.filter(email__iexact=email).first()
        if existing is None:
            with transaction.atomic():
                user = form.save(commit=False)
                user.is_active = False
                user.save()
                name = form.cleaned_data["workspace_name"] or _("%(name)s's workspace") % {
                    "name": user.display_name
                }
                Workspace.create_with_owner(name, user, form.workspace_language())
            _mail(request, user, "signup_confirm")
        elif existing.is_active:
            _mail(request, existing, "signup_taken")
        else:
            # Signed up before and never confirmed: the first link again, for the first password.
            _mail(request, existing, "signup_confirm")
        return redirect("signup_sent")
    return render(
        request, "accounts/signup.html", {"form": form}, status=400 if form.errors else 200
    )


@require_safe
def signup_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/signup_sent.html")


def signup_confirm(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """GET: a button to confirm (mail scanners follow links, and must not log in); POST:
    activate the account, log in, open the first workspace."""
    user = _user_of(uidb64)
    if user is None or user.is_active or not default_token_generator.check_token(user, token):
        return render(request, "accounts/signup_confirm.html", {"valid": False}, status=400)
    if request.method != "POST":
        return render(request, "accounts/signup_confirm.html", {"valid": True})
    user.is_active = True
    user.save(update_fields=["is_active"])
    login(request, user, backend="accounts.backends.ModelBackend")
    workspace = Workspace.objects.for_user(user).first()
    return redirect(workspace or "home")


def _user_of(uidb64: str) -> User | None:
    try:
        pk = int(force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError):
        return None
    return User.objects.filter(pk=pk).first()


def _mail(request: HttpRequest, user: User, template: str) -> None:
    """One of the sign-up mails, a few an hour to one address at most (so sign-ups cannot flood
    someone's inbox); the page says the same either way."""
    if not throttle.allows(throttle.SIGNUP_MAILS, user.email.casefold()):
        return
    confirm = reverse(
        "signup_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    context = {
        "email": user.email,
        "confirm_link": request.build_absolute_uri(confirm),
        "login_link": request.build_absolute_uri(reverse("login")),
        "reset_link": request.build_absolute_uri(reverse("password_reset")),
    }
    subject = render_to_string(f"accounts/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"accounts/email/{template}.txt", context)
    send_mail(subject, body, None, [user.email])
