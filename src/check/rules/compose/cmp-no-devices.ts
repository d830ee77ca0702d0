// CMP-NO-DEVICES: no `devices:` or `device_cgroup_rules:`.
import { serviceRule } from "./service-rule.js";

export const cmpNoDevices = serviceRule(
  {
    id: "CMP-NO-DEVICES",
    severity: "high",
    title: "No host devices (`devices:`, `device_cgroup_rules:`)",
    why: "A host device node gives the container raw access to hardware (disks, GPUs, /dev/mem...) outside its isolation.",
    fix: "Remove the device; if it is truly needed, document why and suppress this finding on that line.",
    refs: { cis: "5.18" },
  },
  (svc) =>
    ["devices", "device_cgroup_rules"].filter((k) => svc.data[k] !== undefined).map((k) => ({ line: svc.lineOf(k), message: `service ${svc.name} sets ${k}` })),
);
