// Liveness probe: the image's HEALTHCHECK calls it. Evaluated on every request, never
// prerendered at build time.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" });
}
