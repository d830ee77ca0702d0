"""Views of my-api. Configuration comes from the environment only: see env.example."""
import os

from django.http import JsonResponse
from django.views.decorators.http import require_GET

# The message GET / returns.
GREETING = os.environ.get("GREETING", "hello")


@require_GET
def index(request):
    return JsonResponse({"message": GREETING, "app": "my-api"})


@require_GET
def health(request):
    """Liveness probe: the image's HEALTHCHECK calls it."""
    return JsonResponse({"status": "ok"})
