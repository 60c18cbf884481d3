#!/usr/bin/env bash
# Validate every Kubernetes manifest in deploy/kubernetes against the schemas of a pinned
# Kubernetes version, in strict mode (unknown fields are errors).
#
#   scripts/validate_k8s.sh            # K8S_VERSION defaults to 1.30.0
#   K8S_VERSION=1.31.0 scripts/validate_k8s.sh
#
# Needs python3; installs kubernetes-validate from PyPI (quietly) when it is missing.
# The kustomization.yaml is not a cluster resource: it is checked to list every manifest
# and only existing files instead.
set -euo pipefail

cd "$(dirname "$0")/.."
K8S_VERSION="${K8S_VERSION:-1.30.0}"
DIR="${K8S_DIR:-deploy/kubernetes}"

if ! command -v kubernetes-validate >/dev/null 2>&1; then
    echo "installing kubernetes-validate ..." >&2
    python3 -m pip install --quiet --disable-pip-version-check kubernetes-validate >&2
fi
KV="$(command -v kubernetes-validate || true)"
if [[ -z "$KV" ]]; then
    # pip may have put it outside PATH (e.g. ~/.local/bin)
    KV="python3 -m kubernetes_validate"
fi

shopt -s nullglob
manifests=()
for f in "$DIR"/*.yaml "$DIR"/*.yml; do
    case "$(basename "$f")" in
        kustomization.yaml|kustomization.yml) ;;
        *) manifests+=("$f") ;;
    esac
done
if (( ${#manifests[@]} == 0 )); then
    echo "no manifests found in $DIR" >&2
    exit 1
fi

echo "validating ${#manifests[@]} manifests against Kubernetes $K8S_VERSION (strict)"
status=0
for f in "${manifests[@]}"; do
    if ! $KV --strict --kubernetes-version "$K8S_VERSION" "$f"; then
        status=1
    fi
done

# The kustomization must reference exactly the manifests present.
if [[ -f "$DIR/kustomization.yaml" ]]; then
    python3 - "$DIR" "${manifests[@]}" <<'PY' || status=1
import os, sys, yaml
d, files = sys.argv[1], sys.argv[2:]
with open(os.path.join(d, "kustomization.yaml")) as fh:
    k = yaml.safe_load(fh)
assert k.get("kind") == "Kustomization", "kustomization.yaml: kind must be Kustomization"
listed = set(k.get("resources", []))
present = {os.path.basename(f) for f in files}
ok = True
for m in sorted(present - listed):
    print(f"ERROR kustomization.yaml does not list {m}"); ok = False
for m in sorted(listed - present):
    print(f"ERROR kustomization.yaml lists missing file {m}"); ok = False
if ok:
    print(f"INFO {d}/kustomization.yaml lists all {len(present)} manifests")
sys.exit(0 if ok else 1)
PY
fi

# Cross-checks the schemas cannot express.
python3 - "$DIR" <<'PY' || status=1
import glob, os, sys, yaml
d = sys.argv[1]
docs = []
for f in sorted(glob.glob(os.path.join(d, "*.yaml"))):
    with open(f) as fh:
        docs += [x for x in yaml.safe_load_all(fh) if x]
by_kind = {}
for x in docs:
    by_kind.setdefault(x["kind"], []).append(x)
errors = []
dep = by_kind["Deployment"][0]
pod = dep["spec"]["template"]["spec"]
c = pod["containers"][0]
labels = dep["spec"]["template"]["metadata"]["labels"]
def selects(sel):
    return all(labels.get(k) == v for k, v in sel.items())
if not selects(dep["spec"]["selector"]["matchLabels"]):
    errors.append("Deployment selector does not match its pod labels")
for svc in by_kind.get("Service", []):
    if not selects(svc["spec"]["selector"]):
        errors.append("Service selector does not match the pod labels")
for pdb in by_kind.get("PodDisruptionBudget", []):
    if not selects(pdb["spec"]["selector"]["matchLabels"]):
        errors.append("PDB selector does not match the pod labels")
cm_names = {x["metadata"]["name"] for x in by_kind.get("ConfigMap", [])}
cms = {x["metadata"]["name"]: x for x in by_kind.get("ConfigMap", [])}
for ref in c.get("envFrom", []):
    n = ref.get("configMapRef", {}).get("name")
    if n and n not in cm_names:
        errors.append(f"envFrom references missing ConfigMap {n}")
# Shutdown budget: preStop sleep + drain must fit in terminationGracePeriodSeconds.
tgps = pod.get("terminationGracePeriodSeconds", 30)
pre = c.get("lifecycle", {}).get("preStop", {}).get("sleep", {}).get("seconds", 0)
grace = None
for cm in cms.values():
    v = cm.get("data", {}).get("HADATH_SERVER__GRACE_PERIOD_SECS")
    if v is not None:
        grace = int(v)
if grace is None:
    grace = 20
if pre + grace > tgps:
    errors.append(f"preStop {pre}s + drain {grace}s exceeds terminationGracePeriodSeconds {tgps}s")
ports = {p["name"]: p["containerPort"] for p in c["ports"]}
for svc in by_kind.get("Service", []):
    for p in svc["spec"]["ports"]:
        t = p["targetPort"]
        if isinstance(t, str) and t not in ports:
            errors.append(f"Service targetPort {t} is not a named container port")
for hpa in by_kind.get("HorizontalPodAutoscaler", []):
    ref = hpa["spec"]["scaleTargetRef"]
    if ref["kind"] != "Deployment" or ref["name"] != dep["metadata"]["name"]:
        errors.append("HPA does not target the Deployment")
for e in errors:
    print("ERROR", e)
if not errors:
    print(f"INFO cross-checks passed (preStop {pre}s + drain {grace}s <= grace {tgps}s)")
sys.exit(1 if errors else 0)
PY

if (( status == 0 )); then
    echo "OK: all manifests valid for Kubernetes $K8S_VERSION"
else
    echo "FAILED: see errors above" >&2
fi
exit $status
