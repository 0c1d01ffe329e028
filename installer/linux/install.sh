#!/bin/sh
# Install Continuum for the current user only (no root): the bundle goes to
# ~/.local/opt/continuum, the menu entry to ~/.local/share/applications and the icon to
# ~/.local/share/icons/hicolor.  Run it from the bundle folder (dist/continuum/, where
# installer/build.py puts it) or give that folder:   ./install.sh [BUNDLE_FOLDER]
#
# Installing again replaces the program (an upgrade).  Your records are not here: they live
# in the per-user data folder (~/.local/share/Continuum), which installing, upgrading and
# uninstalling never touch.  To uninstall:   ./install.sh --uninstall
set -eu

prefix="${XDG_DATA_HOME:-$HOME/.local/share}"
dest="$HOME/.local/opt/continuum"
applications="$prefix/applications"
icons="$prefix/icons/hicolor"

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$dest"
    rm -f "$applications/continuum.desktop" "$icons/scalable/apps/continuum.svg" "$icons/256x256/apps/continuum.png"
    echo "Continuum removed. Your records in ${XDG_DATA_HOME:-$HOME/.local/share}/Continuum were kept."
    exit 0
fi

bundle="${1:-$(cd "$(dirname "$0")" && pwd)}"
bundle="$(cd "$bundle" && pwd)"
if [ ! -x "$bundle/continuum" ] || [ ! -d "$bundle/_internal" ]; then
    echo "install.sh: $bundle is not a Continuum bundle (no continuum program in it)." >&2
    echo "Build one with installer/build.py, then run dist/continuum/install.sh." >&2
    exit 2
fi

# Copy into a new folder first, then swap it in, so an interrupted copy leaves the old version working.
mkdir -p "$(dirname "$dest")"
rm -rf "$dest.new"
cp -R "$bundle" "$dest.new"
rm -rf "$dest.old"
if [ -e "$dest" ]; then mv "$dest" "$dest.old"; fi
mv "$dest.new" "$dest"
rm -rf "$dest.old"

mkdir -p "$applications" "$icons/scalable/apps" "$icons/256x256/apps"
sed -e "s|^Exec=.*|Exec=\"$dest/continuum\"|" -e "s|^TryExec=.*|TryExec=$dest/continuum|" \
    "$bundle/continuum.desktop" > "$applications/continuum.desktop"
cp "$bundle/continuum.svg" "$icons/scalable/apps/continuum.svg"
cp "$bundle/continuum-256.png" "$icons/256x256/apps/continuum.png"

# Refresh the menus and the icon cache where the tools exist (they are optional).
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database "$applications" || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t "$icons" || true; fi

echo "Continuum is installed in $dest and in your applications menu."
echo "Check it with:  $dest/continuum --self-test"
