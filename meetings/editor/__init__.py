"""The secretary's protocol editor in the admin: one page for a whole meeting.

``forms`` (the meeting, attendance lines, item cards with their decisions), ``selectors`` (the roster
and what the page reads) and ``views`` (the admin view). Saving goes through
``meetings.services.meeting_save_from_editor``.
"""
