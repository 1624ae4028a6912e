#!/usr/bin/env bash
# Installe Atelier depuis ce dossier (l'archive décompressée).
#   ./install.sh                      pour vous seul·e, dans ~/.local (sans droits root)
#   sudo ./install.sh --prefix /usr/local   pour toutes les personnes de l'ordinateur
#   ./install.sh --desinstaller [--prefix DOSSIER]   retire Atelier ; vos données restent
# Vos données (la base et ses sauvegardes) sont dans ~/.local/share/atelier :
# ni l'installation ni la désinstallation n'y touchent.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
action=install
while [ $# -gt 0 ]; do
  case $1 in
    --prefix) prefix=${2:?"--prefix demande un dossier"}; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --desinstaller|--uninstall) action=uninstall; shift ;;
    -h|--help|--aide) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Option inconnue : $1 (voir ./install.sh --aide)" >&2; exit 2 ;;
  esac
done
case $prefix in /*) ;; *) prefix=$(pwd)/$prefix ;; esac

app=org.atelier.animation
files=(bin/atelier "share/applications/$app.desktop")
for f in "$here"/share/icons/hicolor/*/apps/$app.png; do
  files+=("${f#"$here"/}")
done

refresh() {
  # A prefix with an icon cache must have it rebuilt, or the menus keep the
  # old icons; one without is read directly, and none is created here, so
  # that uninstalling leaves nothing behind. The entry names no file types:
  # there is no desktop database to update.
  local cache=$prefix/share/icons/hicolor/icon-theme.cache
  if [ -f "$cache" ] && command -v gtk-update-icon-cache >/dev/null; then
    gtk-update-icon-cache -q -t -f "$prefix/share/icons/hicolor" 2>/dev/null || true
  fi
}

if [ "$action" = uninstall ]; then
  for f in "${files[@]}"; do rm -f "$prefix/$f"; done
  refresh
  echo "Atelier est désinstallé de $prefix. Vos données sont gardées dans ${XDG_DATA_HOME:-$HOME/.local/share}/atelier."
  exit 0
fi

for f in "${files[@]}"; do
  mode=0644
  [ "$f" = bin/atelier ] && mode=0755
  install -D -m "$mode" "$here/$f" "$prefix/$f"
done
# Le menu lance le programme par son chemin complet : ~/.local/bin n'est
# pas toujours dans le PATH de la session graphique.
sed -i "s|^Exec=.*|Exec=\"$prefix/bin/atelier\"|" "$prefix/share/applications/$app.desktop"
refresh
echo "Atelier $("$prefix/bin/atelier" version 2>/dev/null | sed 's/^Atelier //; s/ .*//') est installé dans $prefix : cherchez « Atelier » dans le menu des applications."
