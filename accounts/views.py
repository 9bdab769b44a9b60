from django.contrib.auth import login
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.forms import SignupForm
from workspaces.models import Workspace


def signup(request: HttpRequest) -> HttpResponse:
    """Creates the account and its first workspace, owned by the new user."""
    if request.user.is_authenticated:
        return redirect("home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save()
            name = form.cleaned_data["workspace_name"] or _("%(name)s's workspace") % {
                "name": user.display_name
            }
            workspace = Workspace.create_with_owner(name, user, form.workspace_language())
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect(workspace)
    return render(
        request, "accounts/signup.html", {"form": form}, status=400 if form.errors else 200
    )
