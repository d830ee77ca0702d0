import os

from django.http import JsonResponse
from django.views.decorators.http import require_GET


@require_GET
def index(request):
    greeting = os.environ.get("GREETING", "hello from python-django")
    return JsonResponse({"message": greeting, "app": "python-django"})


@require_GET
def health(request):
    return JsonResponse({"status": "ok"})
