from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class CookieLocaleMiddleware(LocaleMiddleware):
    """Swedish unless the visitor chose another language with the language switch.

    Django's LocaleMiddleware also follows the browser's Accept-Language; the archive is Swedish by
    default for everyone, so only the language cookie set by the switch (set_language) counts.
    """

    def process_request(self, request):
        code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        supported = {language for language, _name in settings.LANGUAGES}
        language = code if code in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
