"""English texts of the command line (``MEDIAKIT_LANG=en``), by their French source.

Every help text, description, epilog and argument name of the parser has its entry
(tests/test_cli_french.py checks it); the French text is shown when one is missing.
"""

from __future__ import annotations

import re
from functools import cache

EN: dict[str, str] = {
    # argument names
    "OPERATION": "OPERATION", "ÉLÉMENT": "ITEM", "DOSSIER": "FOLDER", "FICHIER": "FILE",
    "TEXTE": "TEXT", "PISTE": "TRACK", "CANAL": "CHANNEL", "CANAUX": "CHANNELS",
    "NOM": "NAME", "VALEUR": "VALUE", "PHOTO": "PHOTO", "LISTE": "LIST", "MOTIF": "PATTERN",
    "MODÈLE": "TEMPLATE", "CHARTE": "CHARTER", "FORMATS": "FORMATS", "CIBLE": "TARGET",
    "COMMANDE": "COMMAND", "ACTION": "ACTION", "SOURCE": "SOURCE", "T": "T",
    "ENTRÉE": "IN", "SORTIE": "OUT", "PLAGE": "RANGE", "REPÈRE": "MARK", "MOT": "WORD",
    "MOTS": "WORDS", "PRÉRÉGLAGE": "PRESET", "N": "N", "X,Y,L,H": "X,Y,W,H",
    "SORTIE.json": "OUT.json", "DÉCISION.json": "DECISION.json", "CLÉ.pem": "KEY.pem",
    "CLÉ_PUBLIQUE.pem": "PUBLIC_KEY.pem", "PAQUET.zip": "BUNDLE.zip",
    "FICHIER.zip": "FILE.zip", "FICHIER.json": "FILE.json", "SORTIE.srt": "OUT.srt",
    "ÉLÉMENT[@CANAL]": "ITEM[@CHANNEL]", "COMMENTAIRE": "COMMENT", "DÉBUT-FIN": "START-END",
    # the main parser
    "Import, anonymisation et export des médias d'une opération.":
        "Import, anonymisation and export of an operation's media.",
    "Grammaire : mediakit <domaine> <action> OPERATION [ÉLÉMENT…] [options] ; un ÉLÉMENT se "
    "désigne par son nom (avec ou sans extension), le début de son nom s'il est unique, ou "
    "le début de son empreinte. « mediakit COMMANDE --help » détaille chaque commande.":
        "Grammar: mediakit <domain> <action> OPERATION [ITEM…] [options]; an ITEM is named "
        "by its file name (with or without extension), the beginning of its name when "
        "unique, or the beginning of its hash. \"mediakit COMMAND --help\" details each "
        "command.",
    "afficher cette aide et quitter": "show this help message and exit",
    "afficher le détail technique des erreurs": "show the technical detail of errors",
    "afficher la version et quitter": "show the version and exit",
    "ouvrir l'application (par défaut sans commande)":
        "open the application (the default without a command)",
    "dossier d'opération à ouvrir": "operation folder to open",
    "créer une opération dans un dossier": "create an operation in a folder",
    "dossier de la nouvelle opération": "folder of the new operation",
    "nom de l'opération": "name of the operation",
    "importer photos et rushes (fichiers ou dossiers)":
        "import photos and rushes (files or folders)",
    "dossier d'opération": "operation folder",
    "fichiers ou dossiers (récursif)": "files or folders (recursive)",
    "lister les éléments d'une opération et leur état":
        "list an operation's items and their state",
    "sortie JSON (avec l'état de chaque élément : clé « state »)":
        "JSON output (with each item's state: key \"state\")",
    "écrire le projet entier en JSON lisible dans ce fichier (« - » : sur la sortie)":
        "write the whole project as readable JSON into this file (\"-\": standard output)",
    "journal d'audit de l'opération (qui a fait quoi, quand)":
        "the operation's audit trail (who did what, when)",
    "exporter en CSV dans ce fichier": "export as CSV into this file",
    "vérifier l'intégrité de la chaîne": "check the chain's integrity",
    "démonstration complète sur les médias d'exemple": "full demonstration on the sample media",
    "dossier de sortie": "output folder",
    # detect, anonymize
    "détecter visages et plaques (régions qui seraient masquées)":
        "detect faces and plates (regions that would be masked)",
    "images, vidéos ou dossiers": "images, videos or folders",
    "fichier JSON des régions détectées": "JSON file of the detected regions",
    "ne pas chercher les plaques": "do not look for plates",
    "ne pas chercher les visages": "do not look for faces",
    "ajouter les régions à vérifier (\"suspect\": true), non masquées":
        "add the regions to check (\"suspect\": true), not masked",
    "écrire des copies masquées et nettoyées des métadonnées":
        "write masked copies stripped of metadata",
    "images, vidéos, dossiers, ou un dossier d'opération":
        "images, videos, folders, or an operation folder",
    "mosaïque (mosaic), aplat (solid) ou flou (blur)": "mosaic, solid or blur",
    "forme du masque : rectangle (rect) ou ellipse": "mask shape: rectangle (rect) or ellipse",
    "adoucissement du bord (0–0.5)": "edge feathering (0–0.5)",
    "crédit à écrire dans l'EXIF (Artist)": "credit to write in the EXIF (Artist)",
    "copyright à écrire dans l'EXIF": "copyright to write in the EXIF",
    "vidéo : garder le son (copie) ou le couper": "video: keep the sound (copy) or mute it",
    "vidéo : remplacer le son par un bip entre deux instants (s), répétable":
        "video: replace the sound with a bleep between two instants (s), repeatable",
    "opération : passer outre la relecture (avec --reason ; journalisé)":
        "operation: override the review (with --reason; logged)",
    "raison écrite d'un --force (obligatoire avec lui)":
        "written reason for a --force (required with it)",
    # masks, people
    "revoir les masques d'une opération (photos ; pistes des rushes)":
        "review an operation's masks (photos; tracks of rushes)",
    "actions : detect (proposer les masques), list (les lister), accept / reject (masquer / "
    "laisser visible m1 m2…), add (--box), resize (--box), reviewed (marquer l'élément "
    "revu). Exemple : mediakit masks reject OP groupe m3":
        "actions: detect (propose masks), list (list them), accept / reject (mask / leave "
        "visible m1 m2…), add (--box), resize (--box), reviewed (mark the item reviewed). "
        "Example: mediakit masks reject OP groupe m3",
    "detect, list, accept, reject, add, resize ou reviewed":
        "detect, list, accept, reject, add, resize or reviewed",
    "élément (nom, nom sans extension, début du nom ou de l'empreinte), puis pour accept, "
    "reject, resize les masques (m1 m2…) ; detect, list et reviewed acceptent plusieurs "
    "éléments":
        "item (name, name without extension, beginning of the name or of the hash), then "
        "for accept, reject, resize the masks (m1 m2…); detect, list and reviewed take "
        "several items",
    "x,y,l,h en pixels de l'image affichée": "x,y,w,h in pixels of the displayed image",
    "nature de la région ajoutée : face (visage) ou plate (plaque)":
        "kind of the added region: face or plate",
    "listes de personnes (toujours masquer / laisser visible)":
        "people lists (always mask / keep visible)",
    "actions : add NOM PHOTO… (photos de référence), list, remove NOM, move NOM (vers "
    "l'autre liste). Listes : always_mask (toujours masquer) ou keep_visible (laisser "
    "visible).":
        "actions: add NAME PHOTO… (reference photos), list, remove NAME, move NAME (to the "
        "other list). Lists: always_mask or keep_visible.",
    "add, list, remove ou move": "add, list, remove or move",
    "nom (add) ; nom ou identifiant (remove, move)": "name (add); name or id (remove, move)",
    "photos de référence (add)": "reference photos (add)",
    "always_mask (toujours masquer, par défaut pour add) ou keep_visible (laisser visible) ;"
    " move : l'autre liste par défaut":
        "always_mask (the default for add) or keep_visible; move: the other list by default",
    # tracks
    "revoir les pistes de masquage d'une vidéo": "review a video's masking tracks",
    "actions : detect, list, accept / reject PISTE, add (--frame, --box), keyframe / "
    "unkeyframe PISTE (--frame, --box), cut / extend PISTE (--first, --last), reviewed. "
    "Exemple : mediakit tracks reject OP MVI_0006 t2":
        "actions: detect, list, accept / reject TRACK, add (--frame, --box), keyframe / "
        "unkeyframe TRACK (--frame, --box), cut / extend TRACK (--first, --last), reviewed. "
        "Example: mediakit tracks reject OP MVI_0006 t2",
    "detect, list, accept, reject, add, keyframe, unkeyframe, cut, extend, reviewed":
        "detect, list, accept, reject, add, keyframe, unkeyframe, cut, extend, reviewed",
    "rush (nom, nom sans extension, début du nom ou de l'empreinte)":
        "rush (name, name without extension, beginning of the name or of the hash)",
    "identifiant de piste (t1, t2 …)": "track id (t1, t2 …)",
    "image (numérotée depuis 0)": "frame (numbered from 0)",
    "nature de la piste ajoutée : face (visage) ou plate (plaque)":
        "kind of the added track: face or plate",
    "première image de la piste": "first frame of the track",
    "dernière image de la piste": "last frame of the track",
    # photo
    "tri, réglages et légendes des photos": "culling, adjustments and captions of photos",
    "actions : rate (note 0-5), pick / reject / unflag (retenir, écarter, ni l'un ni "
    "l'autre), label (couleur), adjust (clé=valeur…, --auto, --reset), caption (--caption, "
    "--credit, --alt), hints, suggest, sheet (-o). Exemple : mediakit photo rate OP groupe 4":
        "actions: rate (0-5), pick / reject / unflag, label (colour), adjust (key=value…, "
        "--auto, --reset), caption (--caption, --credit, --alt), hints, suggest, sheet (-o). "
        "Example: mediakit photo rate OP groupe 4",
    "rate, pick, reject, unflag, label, adjust, caption, hints, suggest, sheet":
        "rate, pick, reject, unflag, label, adjust, caption, hints, suggest, sheet",
    "photo (nom, nom sans extension, début du nom ou de l'empreinte)":
        "photo (name, name without extension, beginning of the name or of the hash)",
    "note (rate), couleur (label), clé=valeur (adjust)":
        "rating (rate), colour (label), key=value (adjust)",
    "adjust : partir de l'auto-correction": "adjust: start from the auto correction",
    "adjust : tout remettre à zéro": "adjust: reset everything",
    "caption : légende": "caption: the caption",
    "caption : crédit": "caption: the credit",
    "caption : texte alternatif": "caption: the alternative text",
    "hints : tout recalculer": "hints: compute everything again",
    "sheet : toutes les photos": "sheet: every photo",
    "sheet : fichier PDF ou PNG": "sheet: PDF or PNG file",
    "suggest : sortie JSON": "suggest: JSON output",
    # export, presets
    "exporter pour les canaux de diffusion (par lot)": "export for the channels (as a batch)",
    "Canaux : leur nom (x, instagram-feed, press…), en majuscules ou minuscules, leur nom "
    "français (presse, instagram, story) ou le début du nom ; « mediakit presets list » "
    "les liste.":
        "Channels: their name (x, instagram-feed, press…), in any case, their French name "
        "(presse, instagram, story) or the beginning of the name; \"mediakit presets list\" "
        "lists them.",
    "éléments (par défaut : tous)": "items (default: all)",
    "x,instagram-feed,presse,… ou all (tous)": "x,instagram-feed,press,… or all",
    "passer outre la relecture (avec --reason ; journalisé, fichiers signalés)":
        "override the review (with --reason; logged, files flagged)",
    "recadrer sur les sujets (crop), ou fond flouté (letterbox)":
        "crop on the subjects (crop), or blurred background (letterbox)",
    "motif des noms de fichiers": "file name pattern",
    "nombre de travaux en parallèle": "number of jobs in parallel",
    "préréglages des canaux": "channel presets",
    # mediakit reframe (framing keyframes of a video's vertical / square exports)
    "cadrage des exports verticaux et carrés d'une vidéo (images clés)":
        "framing of a video's vertical and square exports (keyframes)",
    "actions : list (les images clés), set INSTANT (centrer le cadre à cet instant), remove "
    "INSTANT, clear (cadrage automatique partout). Formats : 9:16 (reel, story, shorts, "
    "TikTok), 4:5 (fil Instagram, Facebook), 1:1. Exemple : mediakit reframe set OP rush 5,5 "
    "--format 9:16 --x 0,62":
        "actions: list (the keyframes), set TIME (centre the frame at that time), remove "
        "TIME, clear (automatic framing everywhere). Formats: 9:16 (reel, story, shorts, "
        "TikTok), 4:5 (Instagram feed, Facebook), 1:1. Example: mediakit reframe set OP rush "
        "5.5 --format 9:16 --x 0.62",
    "list, set, remove, clear": "list, set, remove, clear",
    "rush ou montage": "rush or montage",
    "secondes (5,5)": "seconds (5.5)",
    "9:16, 4:5, 1:1 (ou vertical, carré) ; par défaut 9:16":
        "9:16, 4:5, 1:1 (or vertical, square); 9:16 by default",
    "centre du cadre, part de la largeur (0 à 1)": "frame centre, share of the width (0 to 1)",
    "centre du cadre, part de la hauteur (0 à 1)": "frame centre, share of the height (0 to 1)",
    "FORMAT": "FORMAT", "INSTANT": "TIME", "X": "X", "Y": "Y",
    "actions : list (tous les canaux), show CANAL (le détail)":
        "actions: list (every channel), show CHANNEL (its detail)",
    "list ou show": "list or show",
    "canal (show)": "channel (show)",
    "sortie JSON": "JSON output",
    # infographics, charte
    "infographie aux couleurs de la charte, dans tous les formats":
        "infographic in the charter's colours, in every format",
    "modèle (voir --list)": "template (see --list)",
    "champs (JSON, ou CSV champ,valeur / données du graphique) ; données d'exemple si absent":
        "fields (JSON, or CSV field,value / chart data); sample data when absent",
    "charte (défaut : etat)": "charter (default: etat)",
    "all, ou LxH,… et a4 (PDF 300 dpi)": "all, or WxH,… and a4 (PDF 300 dpi)",
    "exporter même si la charte n'est pas respectée (écarts consignés)":
        "export even when the charter is not followed (deviations recorded)",
    "lister les couples charte/modèle": "list the charter/template pairs",
    "sortie JSON (avec --list)": "JSON output (with --list)",
    "chartes graphiques : vérifier, lister": "graphic charters: check, list",
    "vérifier une infographie rendue (.json/.png) ou un modèle":
        "check a rendered infographic (.json/.png) or a template",
    "fiche .json d'un rendu, image rendue, nom ou fichier de modèle":
        "a render's .json record, rendered image, template name or file",
    "charte (défaut : celle du rendu, sinon etat)":
        "charter (default: the render's, else etat)",
    "données du modèle (défaut : données d'exemple)": "template data (default: sample data)",
    "formats à vérifier pour un modèle": "formats to check for a template",
    "lister les chartes disponibles": "list the available charters",
    # review
    "validation par le chef de service (paquet, décision, publication)":
        "approval by the head of department (bundle, decision, publication)",
    "préparer le paquet de relecture (zip)": "prepare the review bundle (zip)",
    "canaux à exporter dans le paquet (x,presse,… ou all)":
        "channels to export into the bundle (x,press,… or all)",
    "fichier zip du paquet": "zip file of the bundle",
    "y mettre aussi les éléments non relus (avec --reason ; journalisé)":
        "also put unreviewed items in it (with --reason; logged)",
    "raison écrite d'un --force": "written reason for a --force",
    "décider sur un paquet (mode relecture, en ligne de commande)":
        "decide on a bundle (review mode, on the command line)",
    "paquet de relecture (zip)": "review bundle (zip)",
    "nom du relecteur (tel qu'enregistré)": "reviewer's name (as registered)",
    "clé privée du relecteur (.pem) pour signer": "reviewer's private key (.pem) to sign",
    "valider un élément (ou sa version pour un canal), répétable":
        "approve an item (or its version for a channel), repeatable",
    "demander des corrections": "request changes",
    "commentaire joint à une validation": "comment attached to an approval",
    "fichier de décision (par défaut à côté du paquet)":
        "decision file (default: beside the bundle)",
    "signer un fichier de décision avec sa clé": "sign a decision file with one's key",
    "fichier de décision": "decision file",
    "clé privée (.pem)": "private key (.pem)",
    "fichier signé (par défaut : remplace l'original)":
        "signed file (default: replaces the original)",
    "créer la paire de clés d'un relecteur": "create a reviewer's key pair",
    "nom du relecteur": "reviewer's name",
    "dossier où écrire les clés": "folder to write the keys into",
    "enregistrer la clé publique d'un relecteur": "register a reviewer's public key",
    "sa clé publique": "their public key",
    "importer une décision signée": "import a signed decision",
    "décision signée": "signed decision",
    "modifications depuis la dernière relecture": "changes since the last review",
    "élément (nom, nom sans extension, début du nom ou de l'empreinte)":
        "item (name, name without extension, beginning of the name or of the hash)",
    "remplir exports/pret-a-publier (versions validées)":
        "fill exports/pret-a-publier (approved versions)",
    "canaux (par défaut : ceux validés)": "channels (default: the approved ones)",
    # montage, derush
    "monter une vidéo courte dans la charte (timeline JSON)":
        "edit a short video in the charter (JSON timeline)",
    "timeline JSON (docs/montage.md)": "JSON timeline (docs/montage.md)",
    "timeline enregistrée dans le projet": "timeline saved in the project",
    "canal (préréglage), défaut youtube": "channel (preset), default youtube",
    "vidéo (.mp4) ou image d'aperçu (.png)": "video (.mp4) or preview image (.png)",
    "n'écrire que l'image à T s": "write only the frame at T s",
    "enregistrer la timeline dans le projet": "save the timeline in the project",
    "exporter aussi les sous-titres en .srt": "also export the subtitles as .srt",
    "préréglage x264 (ultrafast … slow)": "x264 preset (ultrafast … slow)",
    "passer outre la relecture des rushes et photos (avec --reason)":
        "override the review of rushes and photos (with --reason)",
    "raison écrite d'un --force (journalisée)": "written reason for a --force (logged)",
    "compte rendu du rendu en JSON": "the render's report as JSON",
    "contrôler la vidéo déjà rendue (-o) contre la charte, sans la refaire":
        "check the video already rendered (-o) against the charter, without rendering again",
    "dérushage : repères, plages, favoris, recherche":
        "logging rushes: markers, ranges, favourites, search",
    "Exemple : mediakit derush mark OP MVI_0006 2,4 --note \"arrivée du préfet\"":
        "Example: mediakit derush mark OP MVI_0006 2.4 --note \"the prefect arrives\"",
    "poser un repère": "set a marker",
    "instant en secondes": "instant in seconds",
    "note libre": "free note",
    "mots-clés séparés par des virgules": "keywords separated by commas",
    "définir une plage entrée/sortie": "set an in/out range",
    "début en secondes": "start in seconds",
    "fin en secondes": "end in seconds",
    "plage favorite": "favourite range",
    "marquer un rush (ou une plage) comme favori": "mark a rush (or a range) as a favourite",
    "identifiant de plage (r1 …)": "range id (r1 …)",
    "retirer des favoris": "remove from the favourites",
    "choisir l'image de couverture": "choose the poster frame",
    "retirer un repère ou une plage": "remove a marker or a range",
    "identifiant de repère ou de plage": "marker or range id",
    "lister le dérushage": "list the logging",
    "chercher dans les notes, mots-clés et noms": "search notes, keywords and names",
    "texte cherché": "text searched for",
    "favoris seulement": "favourites only",
    "mot-clé exact": "exact keyword",
    # messages of mediakit.cli
    "utilisation : ": "usage: ",
    "mediakit : « mediakit {old} … » est l'ancienne forme, acceptée encore dans cette "
    "version ; écrivez désormais « mediakit {new} … »":
        "mediakit: \"mediakit {old} …\" is the old form, still accepted in this version; "
        "write \"mediakit {new} …\" from now on",
    "erreur interne inattendue : l'opération n'a pas été modifiée au-delà de ce qui était "
    "déjà enregistré (relancez avec -v pour le détail technique et signalez-le)":
        "unexpected internal error: the operation was not changed beyond what was already "
        "saved (run again with -v for the technical detail, and report it)",
    "mediakit : interrompu": "mediakit: interrupted",
    # voice disguise
    "voix modifiée sur des plages d'un rush (témoins, victimes, agents protégés)":
        "disguised voice over ranges of a rush (witnesses, victims, protected agents)",
    "actions : list (les plages), add / remove DÉBUT-FIN (modifier la voix d'une plage ou la "
    "rendre), clear (voix d'origine partout), preview -o F.wav (écouter avant/après). Exemple "
    ": mediakit voice add OP MVI_0006 12,5-20":
        "actions: list (the ranges), add / remove START-END (disguise the voice over a range or "
        "give it back), clear (original voice everywhere), preview -o F.wav (listen before/after)."
        " Example: mediakit voice add OP MVI_0006 12.5-20",
    "list, add, remove, clear, preview": "list, add, remove, clear, preview",
    "secondes (12,5-20 ; 31- : jusqu'à la fin ; tout : tout le rush)":
        "seconds (12.5-20; 31-: to the end; tout: the whole rush)",
    "add : voix plus grave (défaut) ou plus aiguë": "add: deeper voice (default) or higher",
    "preview : fichier WAV à écrire": "preview: WAV file to write",
    "preview : le son d'origine (l'« avant ») au lieu de la voix modifiée":
        "preview: the original sound (the 'before') instead of the disguised voice",
    "vidéo : voix modifiée entre deux instants (s ; DÉBUT- : jusqu'à la fin ; tout : tout le "
    "rush), répétable ; pour une opération, « mediakit voice »":
        "video: disguised voice between two instants (s; START-: to the end; tout: the whole "
        "rush), repeatable; for an operation, 'mediakit voice'",
    "voix modifiée : plus grave (défaut) ou plus aiguë":
        "disguised voice: deeper (default) or higher",
    "reste environ {durée}": "about {durée} left",
}

# -- messages: summaries, item states, errors naming a file and the reason ------------------
# A key with {placeholders} is also a template: a French message built elsewhere (the core,
# the channels) that matches it is translated with its parts translated in turn.
MESSAGES: dict[str, str] = {
    # words of the tables
    "visage": "face", "plaque": "plate", "texte": "text", "masqué": "masked", "laissé visible": "left visible",
    "À VÉRIFIER": "TO CHECK", "automatique": "automatic", "manuel": "manual",
    "personne reconnue": "recognised person", "suivi": "tracking",
    "toujours masquer": "always mask", "laisser visible": "keep visible",
    "photo": "photo", "vidéo": "video", "montage": "montage", "infographie": "infographic",
    "aucune": "none", "aucun": "none", "aucun contrôle": "no check", "contrôles OK": "checks OK",
    "contrôles en échec : {msg}": "failed checks: {msg}",
    "oui": "yes", "non": "no", "OUI": "YES",
    # item states (library/status.py) and facts of « info »
    "détection non lancée": "detection not run", "à vérifier": "to check",
    "à anonymiser": "to anonymise", "à revoir": "to review", "à valider": "to approve",
    "revu": "reviewed", "anonymisé": "anonymised", "exporté": "exported", "validé": "approved",
    "corrections demandées": "changes requested", "publié": "published",
    "masques à revoir": "masks to review", "pistes à revoir": "tracks to review",
    "prise {when}": "taken {when}", "date inconnue": "unknown date",
    "appareil {camera}": "camera {camera}", "inconnu": "unknown", "GPS : non": "GPS: no",
    "GPS : OUI": "GPS: YES", "sans audio": "no audio", "vidéo {codec}": "video {codec}",
    "audio {codec}": "audio {codec}", "rotation {deg}°": "rotation {deg}°",
    "orientation EXIF {n}": "EXIF orientation {n}",
    "{n} région(s) à vérifier": "{n} region(s) to check",
    # mediakit new / import / info / audit
    "Opération « {name} » créée dans {path}": "Operation \"{name}\" created in {path}",
    "{n} importé(s), {dup} doublon(s), {skipped} ignoré(s), {failed} en échec":
        "{n} imported, {dup} duplicate(s), {skipped} skipped, {failed} failed",
    "importé {src} → {dst}": "imported {src} → {dst}",
    "{src}: déjà importé (identique à {dst}), ignoré":
        "{src}: already imported (same as {dst}), skipped",
    "{src}: ignoré (type de fichier non pris en charge)":
        "{src}: skipped (file type not supported)",
    "Opération « {name} » — {n} élément(s) — {path}":
        "Operation \"{name}\" — {n} item(s) — {path}",
    "projet écrit dans {path}": "project written to {path}",
    "journal d'audit intact": "audit trail intact", "journal d'audit ALTÉRÉ":
        "audit trail ALTERED", "journal d'audit : {msg}": "audit trail: {msg}",
    "journal exporté : {path}": "trail exported: {path}",
    # failures naming the file and the reason
    "ÉCHEC {msg}": "FAILED {msg}", "REFUSÉ {msg}": "REFUSED {msg}",
    "ANNULÉ {msg}": "CANCELLED {msg}", "NON CONFORME {msg}": "NOT COMPLIANT {msg}",
    "{path}: {reason}": "{path}: {reason}",
    "introuvable": "not found", "fichier introuvable": "file not found",
    "accès refusé": "access denied", "accès refusé (permissions)": "access denied (permissions)",
    "opération non permise": "operation not permitted",
    "plus de place sur le disque": "no space left on the disk",
    "support en lecture seule": "read-only medium", "c'est un dossier": "it is a folder",
    "n'est pas un dossier": "not a folder", "existe déjà": "already exists",
    "erreur de lecture du support": "read error on the medium", "nom trop long": "name too long",
    "quota disque dépassé": "disk quota exceeded", "trop de fichiers ouverts":
        "too many open files", "dossier non vide": "folder not empty",
    "support occupé": "medium busy", "erreur du système de fichiers": "file system error",
    "n'est pas une image lisible (format inconnu ou contenu invalide)":
        "not a readable image (unknown format or invalid content)",
    "image illisible ({msg})": "unreadable image ({msg})",
    "vidéo illisible : {msg}": "unreadable video: {msg}",
    "contenu invalide : ce n'est pas une vidéo lisible":
        "invalid content: not a readable video",
    "fichier incomplet : l'index de la vidéo manque (copie interrompue ?)":
        "incomplete file: the video's index is missing (interrupted copy?)",
    "fichier incomplet : la fin de la vidéo manque": "incomplete file: the end of the video "
                                                     "is missing",
    "lecture interdite (permissions)": "reading not allowed (permissions)",
    "format non reconnu ou fichier endommagé": "unknown format or damaged file",
    "des images ne se décodent pas ({where} de la vidéo)":
        "some frames do not decode ({where} of the video)",
    "aucune piste vidéo lisible": "no readable video track",
    "format d'image inconnu": "unknown image format",
    "image tronquée (fichier incomplet)": "truncated image (incomplete file)",
    "données endommagées": "damaged data", "contenu invalide": "invalid content",
    "format non reconnu": "unknown format", "conversion impossible": "conversion failed",
    "erreur (détail technique avec -v)": "error (technical detail with -v)",
    "détail technique avec -v": "technical detail with -v",
    "{what} illisible ({msg})": "{what} unreadable ({msg})",
    "une opération existe déjà dans ce dossier": "an operation already exists in this folder",
    "aucune opération mediakit ici (créez-en une : menu Fichier › Nouvelle opération)":
        "no mediakit operation here (create one: File › New operation menu)",
    # items and channels named on the command line
    "« {ref} » : aucun élément de l'opération ne correspond (nom, nom sans extension, début "
    "du nom ou de l'empreinte ; « mediakit info OP » les liste)":
        "\"{ref}\": no item of the operation matches (name, name without extension, "
        "beginning of the name or of the hash; \"mediakit info OP\" lists them)",
    "« {ref} » : aucun élément {what} ne correspond (nom, nom sans extension, début du nom "
    "ou de l'empreinte ; « mediakit info OP » les liste)":
        "\"{ref}\": no item {what} matches (name, name without extension, beginning of the "
        "name or of the hash; \"mediakit info OP\" lists them)",
    "« {ref} » : plusieurs éléments de l'opération correspondent ({names}) ; précisez le nom "
    "complet ou le début de l'empreinte":
        "\"{ref}\": several items of the operation match ({names}); give the full name or "
        "the beginning of the hash",
    "« {ref} » : canal inconnu (canaux : {names})": "\"{ref}\": unknown channel (channels: "
                                                     "{names})",
    "{what} : précisez l'élément (mediakit masks {action} OPERATION ÉLÉMENT)":
        "{what}: give the item (mediakit masks {action} OPERATION ITEM)",
    "{what} : précisez les masques (m1 m2…) ou les pistes (t1…) après l'élément":
        "{what}: give the masks (m1 m2…) or the tracks (t1…) after the item",
    "{what} : précisez la photo (mediakit photo {action} OPERATION PHOTO)":
        "{what}: give the photo (mediakit photo {action} OPERATION PHOTO)",
    "{mask}: aucun masque de ce nom sur {name}": "{mask}: no mask of that name on {name}",
    "{mask}: aucune piste de ce nom sur {name}": "{mask}: no track of that name on {name}",
    "images {first}-{last}": "frames {first}-{last}", "région {box}": "region {box}",
    "note invalide : {n} (0 à 5)": "invalid rating: {n} (0 to 5)",
    "rate : « {value} » n'est pas une note (0 à 5)": "rate: \"{value}\" is not a rating "
                                                      "(0 to 5)",
    "sheet : précisez le fichier de sortie (-o planche.pdf)":
        "sheet: give the output file (-o sheet.pdf)",
    "{name} : n'est pas une photo": "{name}: not a photo",
    "précisez la piste (t1…)": "give the track (t1…)",
    "--box attend x,y,l,h (quatre nombres séparés par des virgules)":
        "--box expects x,y,w,h (four numbers separated by commas)",
    "adjust : « {pair} » attend clé=nombre (exposure=0,5 ; crop=x,y,l,h en fractions)":
        "adjust: \"{pair}\" expects key=number (exposure=0.5; crop=x,y,w,h as fractions)",
    "add : précisez le nom puis la ou les photos de référence":
        "add: give the name, then the reference photo(s)",
    "liste inconnue : « {value} » (always_mask : toujours masquer, keep_visible : laisser "
    "visible)": "unknown list: \"{value}\" (always_mask or keep_visible)",
    "remove : précisez le nom de la personne": "remove: give the person's name",
    "move : précisez le nom de la personne": "move: give the person's name",
    "« {ref} » : canal ambigu ({names}) ; précisez":
        "\"{ref}\": ambiguous channel ({names}); be more precise",
    "show : précisez le canal (mediakit presets show x)":
        "show: give the channel (mediakit presets show x)",
    "argument {name}: {msg}": "argument {name}: {msg}",
    "« {value} » n'est pas un nombre de secondes": "\"{value}\" is not a number of seconds",
    "« {value} » n'est pas un nombre entier": "\"{value}\" is not an integer",
    "« {value} » n'est pas un nombre": "\"{value}\" is not a number",
    "vidéo tronquée ou corrompue ({msg})": "truncated or corrupt video ({msg})",
    "la fin de la vidéo manque": "the end of the video is missing",
    "image incomplète": "incomplete frame",
    "{path}: paquet illisible ({msg})": "{path}: unreadable bundle ({msg})",
    "paquet altéré : manifest.json illisible ({msg})":
        "altered bundle: manifest.json unreadable ({msg})",
    "{path}: clé privée illisible ({msg})": "{path}: unreadable private key ({msg})",
    "{path}: clé publique illisible ({msg})": "{path}: unreadable public key ({msg})",
    "aucune décision : utilisez --approve ou --request":
        "no decision: use --approve or --request",
    # photo: captions, adjustments, hints, suggestions
    "attention : {msg}": "warning: {msg}", "netteté": "sharpness", "flou": "blurred",
    "bougé": "shaken", "surexposée": "overexposed", "sous-exposée": "underexposed",
    "aucun réglage": "no adjustment", "exposition {v}": "exposure {v}",
    "contraste {v}": "contrast {v}", "saturation {v}": "saturation {v}",
    "température {v}": "temperature {v}", "teinte {v}": "tint {v}",
    "hautes lumières {v}": "highlights {v}", "ombres {v}": "shadows {v}",
    "netteté {v}": "sharpness {v}", "redressement {v}": "straighten {v}",
    "vibrance {v}": "vibrance {v}", "gamma {v}": "gamma {v}",
    "luminosité {v}": "brightness {v}", "automatique {v}": "auto {v}",
    "rotation {v}": "rotation {v}", "recadrage {v}": "crop {v}",
    "retenue": "kept", "défaut : {msg}": "flaw: {msg}",
    "doublon de {name} (meilleure)": "duplicate of {name} (the best)",
    "meilleure de {n} photos proches": "best of {n} similar photos",
    "nette ({v}), exposition correcte": "sharp ({v}), correct exposure",
    # review: decisions, keys, changes, publication
    "décision {state} → {path}": "decision {state} → {path}", "signée": "signed",
    "NON signée (mediakit review sign)": "NOT signed (mediakit review sign)",
    "décision signée → {path}": "signed decision → {path}",
    "clé privée (à garder pour soi) : {path}": "private key (keep it to yourself): {path}",
    "clé publique (à remettre à l'agent) : {path}": "public key (give it to the officer): "
                                                    "{path}",
    "empreinte : {digest}": "fingerprint: {digest}",
    "relecteur « {name} » enregistré, empreinte {digest}":
        "reviewer \"{name}\" registered, fingerprint {digest}",
    "VALIDÉ {name}": "APPROVED {name}", "CORRECTIONS DEMANDÉES {name}": "CHANGES REQUESTED {name}",
    "décision de {name} importée": "decision of {name} imported",
    "{name}: jamais relu": "{name}: never reviewed",
    "demande de {name} : {msg}": "request from {name}: {msg}",
    "{name}: {n} modification(s) depuis la version {version} relue":
        "{name}: {n} change(s) since the reviewed version {version}",
    "PUBLIABLE {file} — {name} ({channel}) — {msg}":
        "PUBLISHABLE {file} — {name} ({channel}) — {msg}",
    "identique au fichier relu": "identical to the reviewed file",
    "réencodé (diffère du fichier relu)": "re-encoded (differs from the reviewed file)",
    "fichier relu non disponible": "reviewed file not available",
    "NON VALIDÉ {msg}": "NOT APPROVED {msg}", "RETIRÉ {msg} (plus validé)":
        "WITHDRAWN {msg} (no longer approved)",
    "{n} fichier(s) prêt(s) à publier, {m} élément(s) non validé(s), {w} retiré(s)":
        "{n} file(s) ready to publish, {m} item(s) not approved, {w} withdrawn",
    "{n} fichier(s) prêt(s) à publier, {m} élément(s) non validé(s), {w} retiré(s), {k} "
    "validé(s) sans fichier relu":
        "{n} file(s) ready to publish, {m} item(s) not approved, {w} withdrawn, {k} approved "
        "without a reviewed file",
    "SANS FICHIER RELU {msg}": "NO REVIEWED FILE {msg}",
    "{name}: validé, mais le paquet ne contenait aucun fichier pour {channels} — pour le "
    "publier, soumettez-le avec un canal où il se publie":
        "{name}: approved, but the pack held no file for {channels} — to publish it, submit "
        "it with a channel it is published on",
    "{name}: validé, mais le paquet ne contenait aucun fichier par canal — pour le publier, "
    "soumettez-le avec un canal où il se publie":
        "{name}: approved, but the pack held no file per channel — to publish it, submit it "
        "with a channel it is published on",
    # publication refused by the gate (validation/gate.py)
    "décision du chef de service introuvable dans l'opération : rien n'est publié ; "
    "appliquez de nouveau sa décision signée":
        "the chief's decision is not found in the operation: nothing is published; apply "
        "their signed decision again",
    "la signature de la décision de « {name} » ne se vérifie plus : rien n'est publié":
        "the signature of the decision of \"{name}\" no longer verifies: nothing is published",
    "{msg} : rien n'est publié ; préparez un nouveau paquet":
        "{msg}: nothing is published; prepare a new bundle",
    "paquet {pack} inconnu dans cette opération": "bundle {pack} unknown in this operation",
    "le manifeste du paquet {pack} ne correspond plus à celui que le chef de service a "
    "signé : rien n'est publié":
        "the manifest of the bundle {pack} no longer matches the one the chief signed: "
        "nothing is published",
    "absent du paquet {pack} validé : rien n'est publié":
        "not in the approved bundle {pack}: nothing is published",
    "le fichier relu {name} est introuvable ou a changé (exports/relecture/{pack} et le "
    "paquet) : rien n'est publié pour ce canal ; préparez un nouveau paquet":
        "the reviewed file {name} is missing or has changed (exports/relecture/{pack} and the "
        "bundle): nothing is published for this channel; prepare a new bundle",
    "rien n'est publié": "nothing is published",
    "non validé": "not approved",
    "{name} : validé pour tous les canaux, choisissez les canaux de publication":
        "{name}: approved for every channel, choose the channels to publish to",
    "modifié depuis la version validée (à soumettre de nouveau)":
        "changed since the approved version (to submit again)",
    "décision refusée : {msg}": "decision refused: {msg}",
    "elle concerne une autre opération ({name})": "it is about another operation ({name})",
    "le relecteur « {name} » n'a pas de clé enregistrée (mediakit review add-reviewer)":
        "the reviewer \"{name}\" has no registered key (mediakit review add-reviewer)",
    "non signée (mediakit review sign)": "not signed (mediakit review sign)",
    "signature invalide pour « {name} » (fichier modifié ou mauvaise clé)":
        "invalid signature for \"{name}\" (file changed or wrong key)",
    "le manifeste ne correspond pas au paquet {pack} envoyé":
        "the manifest does not match the bundle {pack} sent",
    "déjà importée": "already imported", "aucun élément": "no item",
    "{ref} n'est pas dans ce paquet": "{ref} is not in this bundle",
    "{name} : décision inconnue": "{name}: unknown decision",
    "{name} : version {v} différente de la version {w} du paquet":
        "{name}: version {v} differs from the bundle's version {w}",
    "{name} : la version {v} est périmée (version {w} soumise depuis)":
        "{name}: version {v} is out of date (version {w} submitted since)",
    "{path}: ce n'est pas une décision mediakit": "{path}: not a mediakit decision",
    "{path}: ce n'est pas un paquet de relecture mediakit": "{path}: not a mediakit review "
                                                            "bundle",
    "aucun élément à soumettre à la relecture": "no item to submit for review",
    "{sha}: élément absent de ce paquet": "{sha}: item not in this bundle",
    "{path}: illisible ({msg})": "{path}: unreadable ({msg})",
    # the review gate
    "{action} refusé : {msg}": "{action} refused: {msg}",
    "«{name}» : {reason} — {msg}": "\"{name}\": {reason} — {msg}",
    "non relu : {reason} — {msg} (ou --force --reason)":
        "not reviewed: {reason} — {msg} (or --force --reason)",
    "marquer revu": "mark reviewed", "export": "export", "anonymisation": "anonymisation",
    "paquet de relecture": "review bundle", "publication": "publication",
    "la détection n'a jamais été lancée": "detection was never run",
    "lancez la détection, revoyez les masques puis marquez la photo revue":
        "run the detection, review the masks, then mark the photo reviewed",
    "lancez la détection, revoyez les pistes puis marquez la vidéo revue":
        "run the detection, review the tracks, then mark the video reviewed",
    "{n} région(s) à vérifier non tranchée(s) ({ids})": "{n} region(s) to check not "
                                                        "decided ({ids})",
    "masquez ou écartez chaque région à vérifier puis marquez la photo revue":
        "mask or dismiss each region to check, then mark the photo reviewed",
    "masquez ou écartez chaque région à vérifier puis marquez la vidéo revue":
        "mask or dismiss each region to check, then mark the video reviewed",
    "masques non revus": "masks not reviewed", "pistes non revues": "tracks not reviewed",
    "revoyez les masques puis marquez la photo revue":
        "review the masks, then mark the photo reviewed",
    "revoyez les pistes puis marquez la vidéo revue":
        "review the tracks, then mark the video reviewed",
    "passer outre la relecture demande une raison écrite":
        "overriding the review needs a written reason",
    "{name} : aucune détection lancée, rien ne sort non masqué — lancez la détection puis "
    "relisez les masques":
        "{name}: no detection run, nothing leaves unmasked — run the detection, then review "
        "the masks",
    # detect, masks, anonymize
    "{n} image(s) ou trame(s), {regions} région(s) → {path}":
        "{n} image(s) or frame(s), {regions} region(s) → {path}",
    "{name}: {n} masque(s) proposés": "{name}: {n} mask(s) proposed",
    "{name}: {n} masque(s) proposés, dont {pending} à vérifier":
        "{name}: {n} mask(s) proposed, {pending} of them to check",
    "{name}: revu": "{name}: reviewed",
    "{name}: {ids} masqué(s)": "{name}: {ids} masked",
    "{name}: {ids} laissé(s) visible(s)": "{name}: {ids} left visible",
    "{name}: détection non lancée": "{name}: detection not run",
    "{src} → {dst}  ({faces} visage(s), {plates} plaque(s) masqués ; métadonnées retirées : "
    "{removed})":
        "{src} → {dst}  ({faces} face(s), {plates} plate(s) masked; metadata removed: "
        "{removed})",
    "{src} → {dst}  ({faces} visage(s), {plates} plaque(s), {texts} texte(s) masqués ; "
    "métadonnées retirées : {removed})":
        "{src} → {dst}  ({faces} face(s), {plates} plate(s), {texts} text(s) masked; "
        "metadata removed: {removed})",
    "{n} fichier(s) anonymisé(s), {failed} en échec ; rapport : {path}":
        "{n} file(s) anonymised, {failed} failed; report: {path}",
    "GPS": "GPS", "n° de série": "serial number", "propriétaire": "owner",
    "personne": "person", "appareil": "camera", "notes du fabricant": "maker notes",
    "date": "date", "commentaire": "comment", "vignette": "thumbnail",
    "{name} est dans la liste « {list} »": "{name} is in the list \"{list}\"",
    # export (the channels' summary)
    "{file}: {dims}, {size} Mo — {state}": "{file}: {dims}, {size} MB — {state}",
    "{file}: {dims}, {duration} s, {size} Mo — {state}":
        "{file}: {dims}, {duration} s, {size} MB — {state}",
    "{file}: {dims}, {size} Mo, {loud} LUFS — {state}":
        "{file}: {dims}, {size} MB, {loud} LUFS — {state}",
    "{file}: {dims}, {duration} s, {size} Mo, {loud} LUFS — {state}":
        "{file}: {dims}, {duration} s, {size} MB, {loud} LUFS — {state}",
    "OK [NON VALIDÉ]": "OK [NOT APPROVED]", "OK [MASQUES NON REVUS]": "OK [MASKS NOT REVIEWED]",
    "OK [MASQUES NON REVUS] [NON VALIDÉ]": "OK [MASKS NOT REVIEWED] [NOT APPROVED]",
    "À VÉRIFIER : {msg}": "TO CHECK: {msg}",
    "{n} fichier(s) ({done} déjà faits), {refused} refusé(s), {failed} en échec":
        "{n} file(s) ({done} already done), {refused} refused, {failed} failed",
    "{n} fichier(s) ({done} déjà faits), {refused} refusé(s), {failed} en échec, "
    "{cancelled} annulé(s)":
        "{n} file(s) ({done} already done), {refused} refused, {failed} failed, "
        "{cancelled} cancelled",
    "pour débloquer : « mediakit masks list OP ÉLÉMENT », décidez les régions à vérifier, "
    "puis « mediakit masks reviewed OP ÉLÉMENT » (ou --force --reason \"…\")":
        "to unblock: \"mediakit masks list OP ITEM\", decide the regions to check, then "
        "\"mediakit masks reviewed OP ITEM\" (or --force --reason \"…\")",
    "dimensions": "dimensions", "taille maximale du fichier": "maximum file size",
    "durée maximale": "maximum duration", "durée minimale": "minimum duration",
    "volume sonore": "loudness", "nombre d'images": "number of frames",
    "longueur des textes": "length of the texts", "son": "sound", "charte": "charter",
    # review pack, photo sheet, infographics
    "{name}: version {n}": "{name}: version {n}",
    "paquet {pack} → {path} (manifeste {digest})": "bundle {pack} → {path} (manifest "
                                                   "{digest})",
    "planche contact ({n} photo(s)) : {path}": "contact sheet ({n} photo(s)): {path}",
    " (forcé, non conforme)": " (forced, not compliant)",
    "typographie corrigée (le texte saisi est inchangé) :":
        "typography corrected (the typed text is unchanged):",
    "  champ « {field} » : « {typed} » → « {shown} »":
        "  field \"{field}\": \"{typed}\" → \"{shown}\"",
    "export refusé : {n} écart(s) à la charte « {name} » (corriger, ou --force pour exporter "
    "quand même)":
        "export refused: {n} deviation(s) from the charter \"{name}\" (correct them, or "
        "--force to export anyway)",
    "modèle « {name} » inconnu pour la charte « {charte} » (modèles : {names})":
        "template \"{name}\" unknown for the charter \"{charte}\" (templates: {names})",
    "charte « {name} » inconnue (chartes : {names})":
        "charter \"{name}\" unknown (charters: {names})",
    "champ obligatoire « {name} » ({label}) manquant dans les données":
        "required field \"{name}\" ({label}) missing from the data",
    "{path} : fichier de données introuvable": "{path}: data file not found",
    "format « {spec} » hors limites (64 à 8000 px)":
        "format \"{spec}\" out of bounds (64 to 8000 px)",
    "format « {spec} » invalide (attendu LxH, a4 ou all)":
        "format \"{spec}\" invalid (expected WxH, a4 or all)",
    "{name} {size} — champ « {field} » : texte trop long pour son cadre, même à la taille "
    "minimale ({px} px) — {n} lignes pour {fits} possibles ; raccourcir à environ {keep} "
    "caractères (actuellement {length})":
        "{name} {size} — field \"{field}\": text too long for its frame, even at the minimum "
        "size ({px} px) — {n} lines for {fits} possible; shorten to about {keep} characters "
        "(now {length})",
    "indiquez un modèle et un dossier de sortie (-o), ou --list":
        "give a template and an output folder (-o), or --list",
    # the audit trail's actions
    "import": "import", "détection": "detection", "export refusé": "export refused",
    "rendu du montage": "montage render", "relecture passée outre": "review overridden",
    "personne ajoutée": "person added", "personne changée de liste": "person moved to the "
                                                                     "other list",
    "personne retirée": "person removed", "retouche photo": "photo edit",
    "masque ajouté": "mask added", "masque modifié": "mask changed", "masque gardé": "mask kept",
    "masque écarté": "mask dismissed", "masques revus": "masks reviewed",
    "revue des masques retirée": "masks review withdrawn", "pistes revues": "tracks reviewed",
    "revue des pistes retirée": "tracks review withdrawn", "piste ajoutée": "track added",
    "image clé posée": "keyframe set", "image clé retirée": "keyframe removed",
    "piste recoupée": "track cut", "piste gardée": "track kept", "piste écartée":
        "track dismissed", "validé par le chef": "approved by the chief",
    "décision importée": "decision imported", "relecteur enregistré": "reviewer registered",
    "validation retirée": "approval withdrawn", "montage enregistré": "montage saved",
    "infographie enregistrée": "infographic saved",
    "mediakit : {msg}": "mediakit: {msg}",
    "  détail technique : {msg}": "  technical detail: {msg}",
    # tracks list, voice list, presets list
    "masquée": "masked", "laissée visible": "left visible", "manuelle": "manual",
    "(était à vérifier)": "(was to check)", "images {first}–{last}": "frames {first}–{last}",
    "{n} clé(s)": "{n} keyframe(s)",
    "{name}: voix d'origine (aucune plage modifiée)":
        "{name}: original voice (no range disguised)",
    "{name}: voix modifiée ({preset}) : {ranges}": "{name}: disguised voice ({preset}): {ranges}",
    "plus grave": "deeper", "plus aiguë": "higher", "tout le rush": "the whole rush",
    "{start} s–fin": "{start} s–end",
    "{name}: {n} piste(s) proposée(s)": "{name}: {n} track(s) proposed",
    "{name}: voix d'origine partout": "{name}: original voice everywhere",
    "avant → {path}": "before → {path}", "après → {path}": "after → {path}",
    "{name}: voix modifiée : {ranges}": "{name}: disguised voice: {ranges}",
    "aucune plage": "no range",
    "à {t} s : centre {centre}": "at {t} s: centre {centre}",
    "{name} : cadrage automatique (aucune image clé)":
        "{name}: automatic framing (no keyframe)",
    "{name} : {n} image(s) clé retirée(s), cadrage automatique":
        "{name}: {n} keyframe(s) removed, automatic framing",
    ": image clé de {t} s retirée": ": keyframe at {t} s removed",
    "à {t} s : cadre centré sur {centre}": "at {t} s: frame centred on {centre}",
    "image": "image", "pleine résolution": "full resolution",
    # montage and derush
    "timeline « {name} » enregistrée dans le projet": "timeline \"{name}\" saved in the project",
    "aperçu à {t} s : {path}": "preview at {t} s: {path}",
    "{fps} i/s": "{fps} fps", "{name} : {facts} ; {checks}": "{name}: {facts}; {checks}",
    " ; sous-titres : {path}": "; subtitles: {path}",
    " ; RELECTURE PASSÉE OUTRE (journalisé)": "; REVIEW OVERRIDDEN (logged)",
    "charte : {msg}": "charter: {msg}",
    "lisibilité conforme ({n} élément(s) mesuré(s), contraste ≥ {ratio}:1)":
        "legibility compliant ({n} element(s) measured, contrast ≥ {ratio}:1)",
    "{name} à {tc} : contraste {a}:1 < {b}:1 avec l'image derrière lui ({note})":
        "{name} at {tc}: contrast {a}:1 < {b}:1 with the picture behind it ({note})",
    "aucun résultat": "no result", " (couverture {t} s)": " (cover {t} s)",
    "repère {id} posé": "marker {id} set", "plage {id} définie": "range {id} set",
    "favori ajouté": "favourite added", "favori retiré": "favourite removed",
    "image de couverture à {t} s": "cover picture at {t} s", "{id} retiré": "{id} removed",
    # infographics: charte check and list, the compliance issues
    "NON CONFORME": "NOT COMPLIANT",
    "{n} écart(s) à la charte « {name} »": "{n} deviation(s) from the charter \"{name}\"",
    "{charte} {title} — bloc-marque {logo}, polices {fonts}, {n} modèle(s)":
        "{charte} {title} — brand block {logo}, fonts {fonts}, {n} template(s)",
    "officiel": "official", "provisoire": "provisional", "originale": "original",
    "substitution": "substitute",
    "État — identité générique (DSFR)": "State — generic identity (DSFR)",
    "Préfecture de l’Exemple (variante de service)": "Prefecture of Exemple (service variant)",
    "fond {colour} hors de la palette de la charte « {name} »":
        "background {colour} outside the palette of the charter \"{name}\"",
    "couleur {colour} hors de la palette ({what})": "colour {colour} outside the palette ({what})",
    "pictogramme peu visible : contraste {a}:1 < 3:1 ({colour} sur {under})":
        "pictogram hard to see: contrast {a}:1 < 3:1 ({colour} on {under})",
    "photo « {source} » non anonymisée": "photo \"{source}\" not anonymised",
    "{a} chevauche {b}": "{a} overlaps {b}",
    "{what} : {px} px, sous le minimum de {min} px du rôle « {role} »":
        "{what}: {px} px, below the minimum of {min} px for the role \"{role}\"",
    "{what} déborde de son cadre": "{what} overflows its frame",
    "{what} {why} : contraste non garanti": "{what} {why}: contrast not guaranteed",
    "posé sur une photo": "on a photo", "à cheval sur un aplat {colour}":
        "straddling a {colour} fill",
    "{what} : contraste {ratio}:1 < {need}:1 ({colour} sur {under})":
        "{what}: contrast {ratio}:1 < {need}:1 ({colour} on {under})",
    "bloc-marque présent {n} fois (un seul autorisé)":
        "brand block present {n} times (only one allowed)",
    "bloc-marque trop petit ({w} px < {min} px)": "brand block too small ({w} px < {min} px)",
    "bloc-marque hors de son fond obligatoire {colour} ({why})":
        "brand block off its required background {colour} ({why})",
    "{what} dans la zone de protection du bloc-marque":
        "{what} inside the brand block's clear space",
    "mention obligatoire absente : {label}": "required mention missing: {label}",
    "texte « {text} »": "text \"{text}\"", "aplat": "fill", "pastille": "disc",
    "pictogramme": "pictogram", "bloc-marque": "brand block", "courbe": "curve",
    # people
    "{name} retiré des listes": "{name} removed from the lists",
    "{name} ajouté à la liste « {list} »": "{name} added to the list \"{list}\"",
    # photo suggestions
    "rejetée": "rejected",
    # the bundled channel presets' labels (mediakit/channels/presets/*.json)
    "Facebook": "Facebook", "Instagram (fil)": "Instagram (feed)",
    "Instagram (reel)": "Instagram (reel)", "Instagram (story)": "Instagram (story)",
    "LinkedIn": "LinkedIn", "Presse (JPEG pleine résolution, master 1080p)":
        "Press (full-resolution JPEG, 1080p master)",
    "TikTok": "TikTok", "X (Twitter)": "X (Twitter)", "YouTube Shorts": "YouTube Shorts",
    "YouTube": "YouTube",
}
EN.update({k: v for k, v in MESSAGES.items() if k not in EN})

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


# a template with less literal text than this (« {path}: {reason} », « vidéo {codec} »)
# is tried last, after the message was split in parts
GENERIC = 10


@cache
def patterns() -> tuple[list[tuple[re.Pattern[str], str]], list[tuple[re.Pattern[str], str]]]:
    """The templates of :data:`EN` as regular expressions, most literal text first: the
    specific ones, and the generic ones (tried after splitting a message in parts)."""
    out = []
    for french, english in EN.items():
        if not _PLACEHOLDER.search(french):
            continue
        parts, pos, seen = [], 0, set()
        for m in _PLACEHOLDER.finditer(french):
            parts.append(re.escape(french[pos:m.start()]))
            name = m.group(1)
            parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
            seen.add(name)
            pos = m.end()
        parts.append(re.escape(french[pos:]))
        literal = len(_PLACEHOLDER.sub("", french))
        out.append((literal, re.compile("".join(parts), re.DOTALL), english))
    out.sort(key=lambda x: -x[0])
    return ([(regex, english) for n, regex, english in out if n >= GENERIC],
            [(regex, english) for n, regex, english in out if n < GENERIC])
