#!/usr/bin/env bash
# setup-e2e.sh — install what the tests that drive real programs need, idempotently:
#   * Debian packages: chromium (the browser Playwright drives: VS Code, report, Excel task pane),
#     ripgrep and the build tools that code-server's native modules compile with,
#     libreoffice-calc-nogui (the exported xlsx must open in LibreOffice) and libxml2-utils
#     (xmllint validates the JUnit output of `gtec check`) — apt-get, only those missing;
#   * code-server 4.100.3 (VS Code 1.100.3 served to a browser; the last release for node 20) from
#     npm into the git-ignored folder .cache/code-server/.
# It calls ../shared/tools/vscode-e2e/install-code-server.sh when that script exists (it is the
# tested reference); otherwise it runs the same steps itself (a user machine has no ../shared).
#
# Env: CODE_SERVER_VERSION (default 4.100.3), CODE_SERVER_DIR (default <repo>/.cache/code-server),
#      SKIP_APT=1 (never call apt-get; fail if a package is missing).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
VERSION=${CODE_SERVER_VERSION:-4.100.3}
DEST=${CODE_SERVER_DIR:-$ROOT/.cache/code-server}
SHARED_INSTALLER="$ROOT/../shared/tools/vscode-e2e/install-code-server.sh"
START=$(date +%s)

log() { printf '[setup-e2e] %s\n' "$*"; }
die() { printf '[setup-e2e] ERREUR : %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- Debian packages
APT_PKGS="chromium ripgrep ca-certificates build-essential python3 pkg-config libkrb5-dev libsecret-1-dev libxkbfile-dev libx11-dev libreoffice-calc-nogui libxml2-utils"
missing=""
for p in $APT_PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
if [ -z "$missing" ]; then
  log "paquets Debian déjà présents : $APT_PKGS"
else
  [ "${SKIP_APT:-0}" = 1 ] && die "paquets Debian manquants :$missing (SKIP_APT=1)"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "paquets Debian manquants :$missing — lancez : apt-get install -y$missing (root)"
    SUDO="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  log "apt-get update"
  $SUDO apt-get update -q || die "apt-get update a échoué"
  log "apt-get install -y$missing"
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -q --no-install-recommends $missing || die "apt-get install a échoué"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium absent après installation"
[ -x /usr/bin/rg ] || die "/usr/bin/rg absent après installation"
log "chromium : $(/usr/bin/chromium --version 2>/dev/null | head -n1)"

# ---------------------------------------------------------------- code-server
if [ -x "$SHARED_INSTALLER" ]; then
  log "code-server $VERSION → $DEST (via $SHARED_INSTALLER)"
  SKIP_APT=1 "$SHARED_INSTALLER" "$DEST" "$VERSION"
else
  log "code-server $VERSION → $DEST (../shared/tools absent : étapes faites ici)"
  BIN="$DEST/node_modules/.bin/code-server"
  RG_BIN="$DEST/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
  # `code-server --version` writes ~/.config/code-server/config.yaml: keep it out of $HOME.
  cs_version() {
    local d; d=$(mktemp -d)
    XDG_CONFIG_HOME="$d" "$BIN" --version 2>/dev/null | grep -Eo '^[0-9]+\.[0-9]+\.[0-9]+' | head -n1 || true
    rm -rf "$d"
  }
  if [ -x "$BIN" ] && [ -x "$RG_BIN" ] && [ "$(cs_version)" = "$VERSION" ]; then
    log "code-server $VERSION déjà installé — rien à faire"
  else
    NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
    REQUIRED=$(npm view "code-server@$VERSION" engines.node 2>/dev/null || true)
    [ -n "$REQUIRED" ] || die "code-server@$VERSION illisible sur le registre npm"
    [ "$NODE_MAJOR" = "$(printf '%s' "$REQUIRED" | tr -dc '0-9' | cut -c1-2)" ] \
      || die "code-server@$VERSION demande node $REQUIRED, ceci est node $NODE_MAJOR"
    # node-gyp: local headers instead of nodejs.org (unreachable).
    if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then export npm_config_nodedir=/usr; fi
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/setup-e2e.XXXXXX")
    trap 'rm -rf "$WORK"' EXIT
    # @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache file exists in
    # os.tmpdir(): seed that cache with Debian's rg, for each version code-server pins.
    ( cd "$WORK" && npm pack --silent "code-server@$VERSION" >/dev/null ) || die "npm pack code-server@$VERSION"
    tar -xzf "$WORK"/code-server-*.tgz -C "$WORK" package/lib/vscode/npm-shrinkwrap.json
    tar -xzf "$WORK"/code-server-*.tgz -C "$WORK" package/lib/vscode/extensions/npm-shrinkwrap.json 2>/dev/null || true
    RG_VERSIONS=$(node -e '
      const fs = require("fs"); const out = new Set();
      for (const f of process.argv.slice(1)) {
        if (!fs.existsSync(f)) continue;
        for (const [k, v] of Object.entries(JSON.parse(fs.readFileSync(f, "utf8")).packages || {}))
          if (k.endsWith("node_modules/@vscode/ripgrep")) out.add(v.version);
      }
      console.log([...out].join(" "));' \
      "$WORK/package/lib/vscode/npm-shrinkwrap.json" "$WORK/package/lib/vscode/extensions/npm-shrinkwrap.json")
    [ -n "$RG_VERSIONS" ] || die "aucun @vscode/ripgrep dans le shrinkwrap de code-server"
    case "$(node -p process.arch)" in
      x64) TARGET=x86_64-unknown-linux-musl ;;
      arm64) TARGET=aarch64-unknown-linux-musl ;;
      *) die "architecture non prise en charge : $(node -p process.arch)" ;;
    esac
    export TMPDIR="$WORK/tmp"
    mkdir -p "$TMPDIR" "$WORK/rg"
    cp /usr/bin/rg "$WORK/rg/rg"
    for v in $RG_VERSIONS; do
      ( cd "$WORK" && npm pack --silent "@vscode/ripgrep@$v" >/dev/null ) || die "npm pack @vscode/ripgrep@$v"
      tar -xzf "$WORK/vscode-ripgrep-$v.tgz" -C "$WORK/rg" package/lib/postinstall.js
      RG_RELEASE=$(sed -n "s/^const VERSION = '\\([^']*\\)'.*/\\1/p" "$WORK/rg/package/lib/postinstall.js")
      [ -n "$RG_RELEASE" ] || die "VERSION introuvable dans @vscode/ripgrep@$v"
      mkdir -p "$TMPDIR/vscode-ripgrep-cache-$v"
      tar -czf "$TMPDIR/vscode-ripgrep-cache-$v/ripgrep-$RG_RELEASE-$TARGET.tar.gz" -C "$WORK/rg" rg
      log "cache ripgrep amorcé pour @vscode/ripgrep@$v ($RG_RELEASE)"
    done
    mkdir -p "$DEST"
    [ -f "$DEST/package.json" ] || printf '{ "private": true }\n' > "$DEST/package.json"
    export npm_config_unsafe_perm=true npm_config_yes=true
    log "npm install code-server@$VERSION (compile des modules natifs : quelques minutes)"
    ( cd "$DEST" && npm install --unsafe-perm --no-audit --no-fund "code-server@$VERSION" ) \
      || die "npm install code-server@$VERSION a échoué"
    [ -x "$RG_BIN" ] || die "ripgrep absent de $RG_BIN"
    [ "$(cs_version)" = "$VERSION" ] || die "code-server installé ne répond pas $VERSION"
  fi
fi
[ -x "$DEST/node_modules/.bin/code-server" ] || die "code-server absent de $DEST"
log "prêt : $DEST/node_modules/.bin/code-server, /usr/bin/chromium ($(( $(date +%s) - START )) s)"
