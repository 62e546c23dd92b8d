import contextlib
import re
from urllib.parse import parse_qsl

from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.http import QueryDict
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.datastructures import MultiValueDict


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


# Admin views whose one form is a whole protocol. A council (101 attendance lines, 80 paragraphs with
# their decisions) posts about 3,500 fields, the importer's confirm step about 1,100: more than
# Django's DATA_UPLOAD_MAX_NUMBER_FIELDS (1,000), which stays in force everywhere else.
PROTOCOL_FORM_VIEWS = {"meetings_meeting_add", "meetings_meeting_change", "meetings_meeting_import"}
PROTOCOL_FORM_MAX_FIELDS = 10_000


class ProtocolFormFieldLimitMiddleware:
    """Reads the POST of the protocol forms with a higher field limit, for active staff only.

    Anonymous requests and every other address keep Django's limit. Must come after
    AuthenticationMiddleware; it reads the body before CsrfViewMiddleware's check, which then uses it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method == "POST"
            and request.content_type == "application/x-www-form-urlencoded"
            and request.user.is_active
            and request.user.is_staff
            and getattr(resolve_or_none(request.path_info), "url_name", None) in PROTOCOL_FORM_VIEWS
        ):
            request._post = _parse_urlencoded(request.body, max_num_fields=PROTOCOL_FORM_MAX_FIELDS)
            request._files = MultiValueDict()
        return self.get_response(request)


def resolve_or_none(path: str):
    try:
        return resolve(path)
    except Resolver404:
        return None


def _parse_urlencoded(body: bytes, *, max_num_fields: int) -> QueryDict:
    """Parses a form body as Django's QueryDict does (UTF-8, blank values kept), with its own limit."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        text = body.decode("iso-8859-1")
    try:
        pairs = parse_qsl(text, keep_blank_values=True, max_num_fields=max_num_fields)
    except ValueError as error:
        raise TooManyFieldsSent(
            "The number of GET/POST parameters exceeded settings.DATA_UPLOAD_MAX_NUMBER_FIELDS."
        ) from error
    data = QueryDict(mutable=True)
    for key, value in pairs:
        data.appendlist(key, value)
    data._mutable = False
    return data
