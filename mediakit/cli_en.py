"""English texts of the command line (``MEDIAKIT_LANG=en``), by their French source.

Every help text, description, epilog and argument name of the parser has its entry
(tests/test_cli_french.py checks it); the French text is shown when one is missing.
"""

from __future__ import annotations

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
    "reste environ {durée}": "about {durée} left",
}
