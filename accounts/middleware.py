from django.utils import translation


class UserLanguageMiddleware:
    """A signed-in person sees the interface in the language of their profile, on any browser.

    Runs after LocaleMiddleware (which reads the cookie and the browser's Accept-Language) and
    AuthenticationMiddleware, and only overrides them when the profile names a language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        language = user.language if user is not None and user.is_authenticated else ""
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
