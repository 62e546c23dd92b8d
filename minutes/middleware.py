import contextlib
import re

from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers


class LanguageMiddleware:
    """Swedish unless the visitor chose another language with the language switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language; the archive is Swedish,
    so only an explicit choice (the language cookie set by ``set_language``) changes the language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = settings.LANGUAGE_CODE
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if chosen:
            with contextlib.suppress(LookupError):  # an unknown choice falls back to Swedish
                language = translation.get_supported_language_variant(chosen)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response


# C0 and C1 control characters (NUL among them) and DEL; tab and line breaks are whitespace that
# search boxes and forms may carry, and every reader of the text splits them away.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def has_control_characters(text: str) -> bool:
    return bool(_CONTROL_CHARACTERS.search(text))


class ControlCharactersMiddleware:
    """Answers 400, with the site's own page, to an address whose path or query holds control characters.

    No search, filter or page takes them, and PostgreSQL refuses a NUL in text outright: refusing
    them here covers every search path of the site and the admin, present and future, at once.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        texts = [request.path]
        for key, values in request.GET.lists():
            texts += [key, *values]
        if any(map(has_control_characters, texts)):
            return render(request, "400.html", {"control_characters": True}, status=400)
        return self.get_response(request)
