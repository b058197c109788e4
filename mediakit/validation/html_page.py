"""The bundle's self-contained HTML page (French, inline CSS/JS, previews embedded): the chief
reviews each item and writes a decision JSON file, signed in the page with their Ed25519 key
(WebCrypto) when the browser can, else to be signed with ``mediakit review sign``."""

from __future__ import annotations

import base64
import io
import json
from html import escape
from pathlib import Path
from typing import Any

from PIL import Image

from mediakit.library.status import LABELS
from mediakit.validation.summary import describe_metadata

DECISION_FORMAT = "mediakit-decision/1"
STATUS_LABELS = {**LABELS, None: "—"}  # the same words as the window and mediakit info


def state_words(entry: dict[str, Any]) -> str:
    """An item's state when packed, in the words of the window and of ``mediakit info``."""
    state = entry.get("state_before")
    if isinstance(state, dict) and isinstance(state.get("text"), str):
        return state["text"]
    return STATUS_LABELS.get(entry.get("status_before"), "—")

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f3f4f6;
color:#111}header,main,footer{max-width:1100px;margin:auto;padding:12px 16px}
header{background:#000091;color:#fff;max-width:none}header h1{margin:.2em 0;font-size:1.4em}
.item{background:#fff;border-radius:8px;padding:14px;margin:16px 0;box-shadow:0 1px 3px #0002}
.item h2{margin:0 0 8px;font-size:1.15em}.version{background:#000091;color:#fff;border-radius:4px;
padding:1px 6px;font-size:.8em}.preview{max-width:100%;max-height:70vh;display:block;margin:8px 0}
.alert{color:#c00;font-weight:bold}.ok{color:#06702f}dl{display:grid;grid-template-columns:
max-content 1fr;gap:4px 12px}dt{font-weight:bold}dd{margin:0}.outputs{display:flex;flex-wrap:
wrap;gap:10px}.output{border:1px solid #ddd;padding:6px;border-radius:6px;width:220px}
.output img{max-width:100%;max-height:200px}.changes{background:#fff8e1;padding:6px 10px}
fieldset{border:2px solid #000091;border-radius:6px;margin-top:10px}textarea{width:100%;
min-height:3em}label{margin-right:14px}button{font-size:1em;padding:8px 14px;margin:4px 4px 4px 0;
background:#000091;color:#fff;border:0;border-radius:4px}#decision-json{min-height:10em;
font-family:monospace;font-size:.85em}#message{font-weight:bold}
"""

SCRIPT = r"""
const PACK = JSON.parse(document.getElementById('pack-data').textContent);
const $ = (s, e = document) => e.querySelector(s);
function canon(v) {
  if (Array.isArray(v)) return '[' + v.map(canon).join(',') + ']';
  if (v !== null && typeof v === 'object')
    return '{' + Object.keys(v).sort().map(k => JSON.stringify(k) + ':' + canon(v[k])).join(',') + '}';
  return JSON.stringify(v);
}
function say(text, bad) { const m = $('#message'); m.textContent = text; m.className = bad ? 'alert' : 'ok'; }
function collect() {
  const reviewer = $('#reviewer').value.trim();
  if (!reviewer) throw new Error('Indiquez votre nom de relecteur.');
  const items = {};
  for (const it of PACK.items) {
    const sec = $(`section[data-item="${it.item}"]`);
    const choice = $(`input[name="d-${it.item}"]:checked`, sec);
    if (!choice) continue;
    const comment = $('textarea.comment', sec).value.trim();
    const channels = {};
    for (const sel of sec.querySelectorAll('select.channel')) {
      if (!sel.value) continue;
      const note = $(`input.channel-comment[data-channel="${sel.dataset.channel}"]`, sec).value.trim();
      if (sel.value === 'corrections_requested' && !note)
        throw new Error(`${it.name} (${sel.dataset.channel}) : précisez la correction demandée.`);
      channels[sel.dataset.channel] = {decision: sel.value, comment: note};
    }
    if (choice.value === 'corrections_requested' && !comment)
      throw new Error(`${it.name} : précisez les corrections demandées.`);
    items[it.item] = {name: it.name, version: it.version, decision: choice.value,
                      comment: comment, channels: channels};
  }
  if (!Object.keys(items).length) throw new Error('Aucune décision saisie.');
  return {operation_id: PACK.operation_id, operation_name: PACK.operation_name,
          pack_id: PACK.pack_id, manifest_sha256: PACK.manifest_sha256, reviewer: reviewer,
          date: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), items: items};
}
function show(doc) {
  const text = JSON.stringify(doc, null, 1) + '\n';
  $('#decision-json').value = text;
  const link = $('#download');
  if (link.href) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(new Blob([text], {type: 'application/json'}));
  const who = doc.decision.reviewer.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();
  link.download = `decision_${PACK.pack_id}_${who}${doc.signature ? '' : '_non-signee'}.json`;
  link.hidden = false;
}
function build() {
  try {
    const doc = {format: PACK.format, decision: collect(), signature: null};
    show(doc);
    say('Décision prête (non signée) : enregistrez-la et renvoyez-la à l\'agent, qui la fera signer, ou signez ici avec votre clé.');
    return doc;
  } catch (e) { say(e.message, true); return null; }
}
const b64 = bytes => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const hex = bytes => [...new Uint8Array(bytes)].map(b => b.toString(16).padStart(2, '0')).join('');
function unb64url(s) {
  s = s.replace(/-/g, '+').replace(/_/g, '/'); while (s.length % 4) s += '=';
  return Uint8Array.from(atob(s), c => c.charCodeAt(0));
}
async function signInPage() {
  const doc = build();
  if (!doc) return;
  try {
    if (!(window.crypto && crypto.subtle)) throw new Error('ce navigateur ne fournit pas WebCrypto');
    const file = $('#key-file').files[0];
    if (!file) throw new Error('choisissez votre fichier de clé privée (.pem)');
    const pem = await file.text();
    const der = Uint8Array.from(atob(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '')),
                                c => c.charCodeAt(0));
    const key = await crypto.subtle.importKey('pkcs8', der, {name: 'Ed25519'}, true, ['sign']);
    const jwk = await crypto.subtle.exportKey('jwk', key);
    const fp = hex(await crypto.subtle.digest('SHA-256', unb64url(jwk.x)));
    const known = PACK.reviewers.find(r => r.name === doc.decision.reviewer);
    if (!known) throw new Error(`« ${doc.decision.reviewer} » n'est pas un relecteur enregistré dans l'opération`);
    if (known.fingerprint !== fp) throw new Error(`cette clé n'est pas celle enregistrée pour « ${known.name} »`);
    const sig = await crypto.subtle.sign({name: 'Ed25519'}, key, new TextEncoder().encode(canon(doc.decision)));
    doc.signature = {algorithm: 'Ed25519', key_fingerprint: fp, value: b64(sig)};
    show(doc);
    say('Décision signée : enregistrez-la et renvoyez-la à l\'agent.');
  } catch (e) {
    say(`Signature impossible ici (${e.message}) : enregistrez la décision non signée et signez-la avec « mediakit review sign ».`, true);
  }
}
$('#build').addEventListener('click', build);
$('#sign').addEventListener('click', signInPage);
"""


def data_uri(path: Path, max_side: int | None = None) -> str:
    """The image as a data: URI (re-encoded as a small JPEG when ``max_side`` is given)."""
    if max_side is None:
        return "data:image/jpeg;base64," + base64.b64encode(path.read_bytes()).decode()
    with Image.open(path) as img:
        thumb = img.convert("RGB")
        thumb.thumbnail((max_side, max_side))
        buf = io.BytesIO()
        thumb.save(buf, "JPEG", quality=80)
    return "data:image/jpeg;base64," + base64.b64encode(buf.getvalue()).decode()


def render(manifest: dict[str, Any], manifest_sha: str, reviewers: list[dict[str, str]],
           folder: Path) -> str:
    """The page for the bundle files in ``folder`` (previews are read from there)."""
    op = manifest["operation"]
    data = {"format": DECISION_FORMAT, "operation_id": op["id"], "operation_name": op["name"],
            "pack_id": manifest["pack_id"], "manifest_sha256": manifest_sha,
            "reviewers": reviewers,
            "items": [{"item": e["item"], "name": e["name"], "version": e["version"]}
                      for e in manifest["items"]]}
    script_data = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    names = "".join(f'<option value="{escape(r["name"])}">' for r in reviewers)
    sections = "\n".join(_item_html(e, folder) for e in manifest["items"])
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Relecture — {escape(op['name'])} — paquet {escape(manifest['pack_id'])}</title>
<style>{CSS}</style></head><body>
<header><h1>Relecture avant publication — {escape(op['name'])}</h1>
<p>Opération {escape(op['id'])} · paquet {escape(manifest['pack_id'])} · préparé le
{escape(manifest['date'])} par {escape(manifest.get('packed_by', ''))} ·
{len(manifest['items'])} élément(s) · empreinte du manifeste
<code>{manifest_sha[:16]}…</code></p></header>
<main>
<p>Pour chaque élément, choisissez <b>Validé</b> ou <b>Corrections demandées</b> (avec un
commentaire), éventuellement canal par canal, puis préparez la décision en bas de page.
Rien n'est publié avant votre validation.</p>
{sections}
<section class="item" id="decision">
<h2>Votre décision</h2>
<p><label>Relecteur : <input id="reviewer" list="reviewers" autocomplete="name"></label>
<datalist id="reviewers">{names}</datalist></p>
<button id="build" type="button">Préparer la décision</button>
<p>Signer dans ce navigateur (facultatif) : <input id="key-file" type="file" accept=".pem">
<button id="sign" type="button">Signer avec ma clé</button></p>
<p id="message" role="status"></p>
<p><a id="download" hidden>Enregistrer le fichier de décision</a></p>
<textarea id="decision-json" readonly></textarea>
<p>Sans clé dans ce navigateur : enregistrez la décision puis signez-la sur votre poste,
dans mediakit (onglet Validation, « Signer une décision (chef de service)… ») ou par
<code>mediakit review sign decision.json --key VOTRE_CLE.cle-privee.pem</code>, et renvoyez
le fichier signé à l'agent. Une décision non signée est refusée à l'import.</p>
</section></main>
<footer>mediakit · planche-contact imprimable : planche-contact.pdf · empreintes : SHA256SUMS</footer>
<script id="pack-data" type="application/json">{script_data}</script>
<script>{SCRIPT}</script>
</body></html>
"""


def _item_html(e: dict[str, Any], folder: Path) -> str:
    sha = escape(e["item"])
    anon = e["anonymisation"]
    alerts = "".join(f'<p class="alert">⚠ {escape(a)}</p>' for a in anon["alerts"])
    applied = ", ".join(f"{n} {label}(s)" for label, n in anon["applied"].items()) or "aucun"
    preview = (f'<img class="preview" alt="aperçu de {escape(e["name"])}" '
               f'src="{data_uri(folder / e["preview"])}">' if e.get("preview")
               else '<p class="alert">Aperçu indisponible (aucun export masqué)</p>')
    meta = e["metadata"]
    leaks = "".join(f'<p class="alert">⚠ {escape(name)} contient encore : '
                    f'{escape(describe_metadata(cats))}</p>' for name, cats in meta["leaks"].items())
    changes = ""
    if e.get("changes") is not None:
        lines = "".join(f"<li>{escape(c)}</li>" for c in e["changes"]) or "<li>aucune</li>"
        changes = (f'<div class="changes"><b>Modifications depuis la version '
                   f'{e["previous_version"]} relue :</b><ul>{lines}</ul></div>')
    outputs = "".join(_output_html(o, folder) for o in e.get("outputs", []))
    return f"""<section class="item" data-item="{sha}">
<h2>{e['index']:02d} · {escape(e['name'])} <span class="version">version {e['version']}</span></h2>
<p>Statut actuel : {escape(state_words(e))}</p>
{preview}
<dl><dt>Légende</dt><dd>{escape(e.get('caption') or '—')}</dd>
<dt>Texte alternatif</dt><dd>{escape(e.get('alt_text') or '—')}</dd>
<dt>Crédit</dt><dd>{escape(e.get('credit') or '—')}</dd>
<dt>Anonymisation</dt><dd>{anon['masks']} masque(s), {anon['tracks']} piste(s) ; masqués :
{escape(applied)} ; personnes laissées visibles (consentement) : {anon['kept_visible']}
{('(' + escape(', '.join(anon['people_kept_visible'])) + ')') if anon['people_kept_visible'] else ''}
; fausses détections écartées : {anon.get('dismissed', 0)}
{('; <span class="alert">à vérifier : ' + str(anon['suspects']) + '</span>') if anon.get('suspects') else ''}
; modifications manuelles : {escape(', '.join(anon['manual']) or 'aucune')}</dd>
{_voice_html(e)}
<dt>Métadonnées</dt><dd>original : {escape(describe_metadata(meta['original']))} ; fichiers du
paquet : {'<span class="ok">aucune métadonnée identifiante</span>' if meta['clean']
          else '<span class="alert">MÉTADONNÉES RESTANTES</span>'}</dd></dl>
{alerts}{leaks}{changes}
<div class="outputs">{outputs}</div>
<fieldset><legend>Décision pour « {escape(e['name'])} » (version {e['version']})</legend>
<label><input type="radio" name="d-{sha}" value="approved"> Validé</label>
<label><input type="radio" name="d-{sha}" value="corrections_requested"> Corrections
demandées</label>
<textarea class="comment" placeholder="Commentaire (obligatoire si corrections)"></textarea>
</fieldset></section>"""


def _voice_html(e: dict[str, Any]) -> str:
    """Which ranges of a rush (or of a montage's rushes) have a disguised voice."""
    voice = e["anonymisation"].get("voice") or []
    if not voice and e.get("kind") not in ("video", "montage"):
        return ""
    text = " ; ".join(voice) or "aucune (voix d’origine)"
    return f"<dt>Voix modifiée</dt><dd>{escape(text)}</dd>"


def _output_html(o: dict[str, Any], folder: Path) -> str:
    channel = escape(o["channel"])
    if o["file"].lower().endswith((".jpg", ".jpeg", ".png", ".webp")):
        media = f'<img alt="{channel}" src="{data_uri(folder / o["file"], 360)}">'
    else:
        media = f'<a href="{escape(o["file"])}">vidéo {channel}</a>'
    checks = [k for k, v in (o.get("checks") or {}).items() if not v]
    state = (f'<span class="alert">à vérifier : {escape(", ".join(checks))}</span>' if checks
             else '<span class="ok">conforme au canal</span>')
    return f"""<div class="output"><b>{channel}</b> {o['width']}×{o['height']}<br>{media}<br>
<a href="{escape(o['file'])}">fichier complet</a> · {state}<br>
<select class="channel" data-channel="{channel}"><option value="">comme l'élément</option>
<option value="approved">validé</option><option value="corrections_requested">corrections
</option></select>
<input class="channel-comment" data-channel="{channel}" placeholder="commentaire canal"></div>"""
