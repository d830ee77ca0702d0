// The backing services as README.Docker.md shows them.
import { servicePorts } from "../model/env-entries.js";
import { SERVICE_SPECS, orderedServices, serviceSecrets } from "../model/services.js";

export function servicesView(services: readonly string[], bind: string, appHostPorts: readonly number[]): { services: object[]; secretFiles: string | null } {
  const ports = servicePorts(services, appHostPorts);
  const list = orderedServices(services).map((name) => {
    const spec = SERVICE_SPECS[name];
    const reach = spec.publish ? `http://${bind}:${ports[name]} (\`${name.toUpperCase()}_PORT\`)` : `\`${name}:${spec.port}\` on the internal network only`;
    return { name, image: spec.image, reach, note: spec.note };
  });
  const files = serviceSecrets(services);
  return { services: list, secretFiles: files.length ? files.map((f) => `\`${f}\``).join(", ") : null };
}
