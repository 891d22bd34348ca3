from django import template

from meetings import calendar_links

register = template.Library()
register.filter("google_calendar_url", calendar_links.google_calendar_url)
register.filter("outlook_calendar_url", calendar_links.outlook_calendar_url)
