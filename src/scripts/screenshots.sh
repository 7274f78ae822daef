#!/usr/bin/env bash
# Screenshots of the real window under Xvfb, for docs/. Usage: src/scripts/screenshots.sh WIDTHxHEIGHT OUT.png
#   [extra -D properties...]   e.g. -Deoc.tab=curves -Deoc.preset=CLASSROOM_DEMO -Deoc.autostart=true
# Needs: apt-get install -y xvfb libgtk-3-0 imagemagick xdotool; the jar built (mvn -DskipTests package).
# SEED_RUNS (a folder of run files for the history), SHOT_DELAY (seconds before the shot, default 25), CLICK="x y" (a click before the shot, in screen pixels)
# and XDO="cmd; cmd" (xdotool commands run after the click, e.g. XDO="mousemove 500 300; click 4; click 4" zooms a chart
# with the wheel, XDO="mousemove 400 250; mousedown 1; mousemove 520 340; mouseup 1" drags a zoom box).
# HiDPI check: a doubled WIDTHxHEIGHT (2732x1536) with -Dglass.gtk.uiScale=2.
# WELCOME=true shows the first-start welcome (skipped by default).
# SESSION: a session file to open (e.g. assets/sessions/classroom.session.json, which opens in presentation mode):
#   SESSION=assets/sessions/classroom.session.json src/scripts/screenshots.sh 1920x1080 docs/presentation-1920x1080.png
set -euo pipefail
size="$1"; out="$2"; shift 2
width="${size%x*}"; height="${size#*x}"
home="$(mktemp -d)"
# SEED_RUNS: a folder of run files to show in the history
if [ -n "${SEED_RUNS:-}" ]; then mkdir -p "$home/data/runs"; cp "$SEED_RUNS"/*.json "$home/data/runs/"; fi
export XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" HOME="$home"
xvfb-run -a -s "-screen 0 ${size}x24" bash -c "
  java -XX:SharedArchiveFile=target/edge-of-chaos-explorer.jsa -XX:MaxNewSize=64m -Deoc.userDataDir=$home/data -Deoc.windowSize=$size -Deoc.welcome=${WELCOME:-false} $* -jar target/edge-of-chaos-explorer.jar ${SESSION:-} > $home/java.log 2>&1 &
  pid=\$!
  sleep ${SHOT_DELAY:-25}
  win=\$(xdotool search --name 'Edge of Chaos Explorer' | head -1)
  xdotool windowmove \$win 0 0 windowsize \$win $width $height
  sleep 2
  if [ -n \"${CLICK:-}\" ]; then xdotool mousemove ${CLICK:-0 0} click 1; sleep ${CLICK_WAIT:-6}; fi
  if [ -n \"${XDO:-}\" ]; then
    IFS=';' read -ra steps <<< \"${XDO:-}\"
    for step in \"\${steps[@]}\"; do xdotool \$step; sleep 0.4; done
    sleep ${XDO_WAIT:-4}
  fi
  import -window root '$out'
  kill \$pid
  tail -20 $home/java.log >&2
"
echo "wrote $out"
