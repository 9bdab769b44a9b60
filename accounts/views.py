"""A person's own pages: their profile, and the language switch in the page header."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import i18n
from django.views.decorators.http import require_POST

from accounts.demo import DEMO_PASSWORD, DEMO_TEAM
from accounts.forms import LoginForm, ProfileForm
from accounts.models import User


def _profile_page(request: HttpRequest, status: int = 200, **forms) -> HttpResponse:
    context = {
        "profile_form": forms.get("profile_form") or ProfileForm(instance=request.user),
        "password_form": forms.get("password_form") or PasswordChangeForm(request.user),
    }
    return render(request, "accounts/profile.html", context, status=status)


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _profile_page(request)
    # A copy: a refused form must not change the name shown in the header.
    form = ProfileForm(request.POST, instance=User.objects.get(pk=request.user.pk))
    if not form.is_valid():
        return _profile_page(request, status=400, profile_form=form)
    form.save()
    messages.success(request, _("Your profile was saved."))
    return redirect("profile")


@login_required
@require_POST
def password_change(request: HttpRequest) -> HttpResponse:
    form = PasswordChangeForm(request.user, request.POST)
    if not form.is_valid():
        return _profile_page(request, status=400, password_form=form)
    form.save()
    # Stay logged in here; other sessions of this account are logged out.
    update_session_auth_hash(request, form.user)
    messages.success(request, _("Your password was changed."))
    return redirect("profile")


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's language switch, remembered on the profile of a signed-in person, whose
    profile language otherwise wins over the cookie (accounts.middleware)."""
    response = i18n.set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        User.objects.filter(pk=request.user.pk).update(language=language)
    return response


class LoginView(auth_views.LoginView):
    """The login page; on a development server (DEBUG) it lists the demo team's logins."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if settings.DEBUG:
            existing = set(
                User.objects.filter(email__in=[e for e, _n, _r in DEMO_TEAM]).values_list(
                    "email", flat=True
                )
            )
            context["demo_logins"] = [row for row in DEMO_TEAM if row[0] in existing]
            context["demo_password"] = DEMO_PASSWORD
        return context
