<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
  <context>
    <name>mediakit</name>
    <message>
      <source>mediakit</source>
      <translation>mediakit</translation>
    </message>
    <message>
      <source>Ouvrez ou créez une opération (menu Fichier).</source>
      <translation>Open or create an operation (File menu).</translation>
    </message>
    <message>
      <source>Journal : ce que l'import et la détection ont fait.</source>
      <translation>Log: what the import and the detection did.</translation>
    </message>
    <message>
      <source>Chutier</source>
      <translation>Clip bin</translation>
    </message>
    <message>
      <source>Anonymisation</source>
      <translation>Anonymisation</translation>
    </message>
    <message>
      <source>Propositions à vérifier</source>
      <translation>Regions to check</translation>
    </message>
    <message>
      <source>Rushes</source>
      <translation>Rushes</translation>
    </message>
    <message>
      <source>Personnes</source>
      <translation>People</translation>
    </message>
    <message>
      <source>Infographies</source>
      <translation>Infographics</translation>
    </message>
    <message>
      <source>Montage</source>
      <translation>Editing</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Export</translation>
    </message>
    <message>
      <source>Validation</source>
      <translation>Validation</translation>
    </message>
    <message>
      <source>Annuler</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>&amp;Fichier</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <source>&amp;Nouvelle opération…</source>
      <translation>&amp;New operation…</translation>
    </message>
    <message>
      <source>&amp;Ouvrir une opération…</source>
      <translation>&amp;Open an operation…</translation>
    </message>
    <message>
      <source>Opérations &amp;récentes</source>
      <translation>&amp;Recent operations</translation>
    </message>
    <message>
      <source>&amp;Importer des fichiers…</source>
      <translation>&amp;Import files…</translation>
    </message>
    <message>
      <source>Importer un &amp;dossier…</source>
      <translation>Import a &amp;folder…</translation>
    </message>
    <message>
      <source>&amp;Quitter</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <source>&amp;Édition</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <source>Rétablir</source>
      <translation>Redo</translation>
    </message>
    <message>
      <source>Comparer la sélection (2 à 4 photos)</source>
      <translation>Compare the selection (2 to 4 photos)</translation>
    </message>
    <message>
      <source>&amp;Affichage</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <source>Langue</source>
      <translation>Language</translation>
    </message>
    <message>
      <source>&amp;Anonymisation</source>
      <translation>&amp;Anonymisation</translation>
    </message>
    <message>
      <source>&amp;Détecter visages et plaques</source>
      <translation>&amp;Detect faces and plates</translation>
    </message>
    <message>
      <source>Élément &amp;suivant à relire</source>
      <translation>&amp;Next item to review</translation>
    </message>
    <message>
      <source>Détecter &amp;automatiquement après l'import</source>
      <translation>&amp;Automatically detect after import</translation>
    </message>
    <message>
      <source>Ai&amp;de</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>&amp;Guide : le travail dans l'ordre</source>
      <translation>&amp;Guide: the job step by step</translation>
    </message>
    <message>
      <source>&amp;Raccourcis clavier</source>
      <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
      <source>À &amp;propos de mediakit</source>
      <translation>&amp;About mediakit</translation>
    </message>
    <message>
      <source>La langue choisie s'appliquera au prochain démarrage.</source>
      <translation>The chosen language applies at the next start.</translation>
    </message>
    <message>
      <source>À propos de mediakit</source>
      <translation>About mediakit</translation>
    </message>
    <message>
      <source>Dossier de la nouvelle opération (un dossier vide, ou celui où la ranger)</source>
      <translation>Folder of the new operation (an empty folder, or the one to keep it in)</translation>
    </message>
    <message>
      <source>Nouvelle opération</source>
      <translation>New operation</translation>
    </message>
    <message>
      <source>Nom de l'opération :</source>
      <translation>Operation name:</translation>
    </message>
    <message>
      <source>Ouvrir une opération</source>
      <translation>Open an operation</translation>
    </message>
    <message>
      <source>Double-cliquez une photo ou un rush pour revoir ses masques.</source>
      <translation>Double-click a photo or a rush to review its masks.</translation>
    </message>
    <message>
      <source>Importez les photos et les rushes de l'opération : menu Fichier › Importer des fichiers… ou Importer un dossier…, ou glissez-les dans cette fenêtre.</source>
      <translation>Import the operation's photos and rushes: menu File › Import files… or Import a folder…, or drag them into this window.</translation>
    </message>
    <message>
      <source>Importer un dossier de photos et rushes</source>
      <translation>Import a folder of photos and rushes</translation>
    </message>
    <message>
      <source>Importer des photos et des rushes</source>
      <translation>Import photos and rushes</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Import</translation>
    </message>
    <message>
      <source>Détection</source>
      <translation>Detection</translation>
    </message>
    <message>
      <source>{count} élément(s) : {photos} photo(s), {rushes} rush(es)</source>
      <translation>{count} item(s): {photos} photo(s), {rushes} rush(es)</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>Prise de vue</source>
      <translation>Taken</translation>
    </message>
    <message>
      <source>Appareil</source>
      <translation>Camera</translation>
    </message>
    <message>
      <source>Position GPS</source>
      <translation>GPS position</translation>
    </message>
    <message>
      <source>Toutes les photos et tous les rushes sont revus : passez aux infographies, au montage ou à l'export.</source>
      <translation>Every photo and rush is reviewed: go on to the infographics, the montage or the export.</translation>
    </message>
    <message>
      <source>Arrêt demandé : fin de l'élément en cours…</source>
      <translation>Stop requested: finishing the current item…</translation>
    </message>
    <message>
      <source>, {n} montage(s) ou infographie(s)</source>
      <translation>, {n} montage(s) or infographic(s)</translation>
    </message>
    <message>
      <source>Taille</source>
      <translation>Size</translation>
    </message>
    <message>
      <source>Durée</source>
      <translation>Duration</translation>
    </message>
    <message>
      <source>Fait avec</source>
      <translation>Made with</translation>
    </message>
    <message>
      <source>date inconnue</source>
      <translation>unknown date</translation>
    </message>
    <message>
      <source>inconnu</source>
      <translation>unknown</translation>
    </message>
    <message>
      <source>présente (retirée à l'export)</source>
      <translation>present (removed on export)</translation>
    </message>
    <message>
      <source>aucune</source>
      <translation>none</translation>
    </message>
    <message>
      <source>Photos et rushes ({patterns})</source>
      <translation>Photos and rushes ({patterns})</translation>
    </message>
    <message>
      <source>Détection terminée sur {n} élément(s) : relisez les masques proposés</source>
      <translation>Detection finished on {n} item(s): review the proposed masks</translation>
    </message>
    <message>
      <source>{imported} importé(s), {duplicates} doublon(s), {failed} en échec</source>
      <translation>{imported} imported, {duplicates} duplicate(s), {failed} failed</translation>
    </message>
    <message>
      <source>Opération restaurée après un arrêt inattendu.</source>
      <translation>Operation restored after an unexpected stop.</translation>
    </message>
    <message>
      <source>aucune photo ni rush</source>
      <translation>no photo or rush</translation>
    </message>
    <message>
      <source>Formats</source>
      <translation>Formats</translation>
    </message>
    <message>
      <source>Plus rien à relire : {n} élément(s) attendent la détection.</source>
      <translation>Nothing left to review: {n} item(s) waiting for detection.</translation>
    </message>
    <message>
      <source>Relancer la détection</source>
      <translation>Run detection again</translation>
    </message>
    <message>
      <source>ÉCHEC {message}</source>
      <translation>FAILED {message}</translation>
    </message>
    <message>
      <source>{task} annulé(e)</source>
      <translation>{task} cancelled</translation>
    </message>
    <message>
      <source>Opération créée dans {folder}</source>
      <translation>Operation created in {folder}</translation>
    </message>
    <message>
      <source>{name} — reste environ {left}</source>
      <translation>{name} — about {left} left</translation>
    </message>
    <message>
      <source>La détection a déjà été lancée sur chaque élément. La relancer sur les {n} élément(s) non revus ? Les décisions prises sur leurs masques automatiques seront remplacées.</source>
      <translation>Detection has already run on every item. Run it again on the {n} item(s) not reviewed? The decisions taken on their automatic masks will be replaced.</translation>
    </message>
    <message>
      <source>{name} : {n} piste(s) proposée(s)</source>
      <translation>{name}: {n} track(s) proposed</translation>
    </message>
    <message>
      <source>{name} : {n} masque(s) proposé(s)</source>
      <translation>{name}: {n} mask(s) proposed</translation>
    </message>
    <message>
      <source>Tous les médias</source>
      <translation>All media</translation>
    </message>
    <message>
      <source>Photos</source>
      <translation>Photos</translation>
    </message>
    <message>
      <source>Montages</source>
      <translation>Montages</translation>
    </message>
    <message>
      <source>Tous les statuts</source>
      <translation>All statuses</translation>
    </message>
    <message>
      <source>Toutes les photos</source>
      <translation>All photos</translation>
    </message>
    <message>
      <source>Retenues</source>
      <translation>Picked</translation>
    </message>
    <message>
      <source>Écartées</source>
      <translation>Rejected</translation>
    </message>
    <message>
      <source>Filtrer par étiquette ou nom…</source>
      <translation>Filter by tag or name…</translation>
    </message>
    <message>
      <source>{n} formats</source>
      <translation>{n} formats</translation>
    </message>
    <message>
      <source> et plus</source>
      <translation> and more</translation>
    </message>
    <message>
      <source>{n} formats : {formats}</source>
      <translation>{n} formats: {formats}</translation>
    </message>
    <message>
      <source>Comparer</source>
      <translation>Compare</translation>
    </message>
    <message>
      <source>Choisissez de deux à quatre photos à comparer.</source>
      <translation>Choose two to four photos to compare.</translation>
    </message>
    <message>
      <source>Retenir</source>
      <translation>Pick</translation>
    </message>
    <message>
      <source>Écarter</source>
      <translation>Reject</translation>
    </message>
    <message>
      <source>aucun défaut détecté</source>
      <translation>no defect detected</translation>
    </message>
    <message>
      <source>retenue</source>
      <translation>picked</translation>
    </message>
    <message>
      <source>écartée</source>
      <translation>rejected</translation>
    </message>
    <message>
      <source>netteté</source>
      <translation>sharpness</translation>
    </message>
    <message>
      <source>Canaux</source>
      <translation>Channels</translation>
    </message>
    <message>
      <source>Recadrer sur les sujets</source>
      <translation>Crop around the subjects</translation>
    </message>
    <message>
      <source>Fond flouté (letterbox)</source>
      <translation>Blurred background (letterbox)</translation>
    </message>
    <message>
      <source>Passer outre la relecture pour les éléments non revus (raison demandée, journalisé, fichiers signalés)</source>
      <translation>Override the review for unreviewed items (reason required, logged, files flagged)</translation>
    </message>
    <message>
      <source>Choisir…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <source>Exporter</source>
      <translation>Export</translation>
    </message>
    <message>
      <source>Tout annuler</source>
      <translation>Cancel all</translation>
    </message>
    <message>
      <source>Annuler ce travail</source>
      <translation>Cancel this job</translation>
    </message>
    <message>
      <source>Annule le travail choisi dans la liste ; les autres continuent</source>
      <translation>Cancels the job chosen in the list; the others go on</translation>
    </message>
    <message>
      <source>Tout cocher</source>
      <translation>Check all</translation>
    </message>
    <message>
      <source>Tout décocher</source>
      <translation>Uncheck all</translation>
    </message>
    <message>
      <source>Ouvrir le dossier</source>
      <translation>Open the folder</translation>
    </message>
    <message>
      <source>Cadrage des vidéos (formats verticaux et carrés)</source>
      <translation>Video framing (vertical and square formats)</translation>
    </message>
    <message>
      <source>9:16 (reel, story, shorts, TikTok)</source>
      <translation>9:16 (reel, story, shorts, TikTok)</translation>
    </message>
    <message>
      <source>4:5 (fil Instagram, Facebook)</source>
      <translation>4:5 (Instagram feed, Facebook)</translation>
    </message>
    <message>
      <source>1:1 (carré)</source>
      <translation>1:1 (square)</translation>
    </message>
    <message>
      <source>Centre du cadre : 0 = bord gauche, 1 = bord droit</source>
      <translation>Frame centre: 0 = left edge, 1 = right edge</translation>
    </message>
    <message>
      <source>Centre du cadre : 0 = haut, 1 = bas</source>
      <translation>Frame centre: 0 = top, 1 = bottom</translation>
    </message>
    <message>
      <source>hauteur automatique</source>
      <translation>automatic height</translation>
    </message>
    <message>
      <source>Centrer ici à cet instant</source>
      <translation>Centre here at this time</translation>
    </message>
    <message>
      <source>Retirer l'image clé</source>
      <translation>Remove the keyframe</translation>
    </message>
    <message>
      <source>Cadrage automatique</source>
      <translation>Automatic framing</translation>
    </message>
    <message>
      <source>Retire toutes les images clés de ce format</source>
      <translation>Removes every keyframe of this format</translation>
    </message>
    <message>
      <source>Cliquez sur l'image pour centrer le cadre à cet endroit, puis « Centrer ici à cet instant »</source>
      <translation>Click on the picture to centre the frame there, then “Centre here at this time”</translation>
    </message>
    <message>
      <source>Voir l'image à cet instant</source>
      <translation>Show the picture at this time</translation>
    </message>
    <message>
      <source>Dossier d'export</source>
      <translation>Export folder</translation>
    </message>
    <message>
      <source>Export en cours…</source>
      <translation>Exporting…</translation>
    </message>
    <message>
      <source>Passer outre la relecture</source>
      <translation>Override the review</translation>
    </message>
    <message>
      <source>annulé</source>
      <translation>cancelled</translation>
    </message>
    <message>
      <source>non fait</source>
      <translation>not done</translation>
    </message>
    <message>
      <source>Travail</source>
      <translation>Job</translation>
    </message>
    <message>
      <source>Progression</source>
      <translation>Progress</translation>
    </message>
    <message>
      <source>Éléments</source>
      <translation>Items</translation>
    </message>
    <message>
      <source>Dossier :</source>
      <translation>Folder:</translation>
    </message>
    <message>
      <source>Format :</source>
      <translation>Format:</translation>
    </message>
    <message>
      <source>Instant :</source>
      <translation>Time:</translation>
    </message>
    <message>
      <source>Centre x :</source>
      <translation>Centre x:</translation>
    </message>
    <message>
      <source>Centre y :</source>
      <translation>Centre y:</translation>
    </message>
    <message>
      <source>Choisissez une vidéo dans la liste pour régler son cadrage ; sans image clé, le cadre suit les sujets.</source>
      <translation>Choose a video in the list to set its framing; without keyframes, the frame follows the subjects.</translation>
    </message>
    <message>
      <source>Cadrage automatique : le cadre suit les sujets.</source>
      <translation>Automatic framing: the frame follows the subjects.</translation>
    </message>
    <message>
      <source>auto</source>
      <translation>auto</translation>
    </message>
    <message>
      <source>Images clés : </source>
      <translation>Keyframes: </translation>
    </message>
    <message>
      <source>Choisissez au moins un élément et un canal.</source>
      <translation>Choose at least one item and one channel.</translation>
    </message>
    <message>
      <source>Leur export sera journalisé et signalé « masques non revus ». Raison (obligatoire) :</source>
      <translation>Their export will be logged and flagged "masks not reviewed". Reason (required):</translation>
    </message>
    <message>
      <source>interrompu</source>
      <translation>interrupted</translation>
    </message>
    <message>
      <source>Export annulé : les fichiers déjà écrits restent dans le dossier.</source>
      <translation>Export cancelled: the files already written stay in the folder.</translation>
    </message>
    <message>
      <source>image en pleine résolution</source>
      <translation>picture at full resolution</translation>
    </message>
    <message>
      <source>Export non lancé : passer outre la relecture demande une raison écrite.</source>
      <translation>Export not started: overriding the review needs a written reason.</translation>
    </message>
    <message>
      <source>Ces éléments n'ont pas été relus :</source>
      <translation>These items were not reviewed:</translation>
    </message>
    <message>
      <source>Export interrompu : </source>
      <translation>Export interrupted: </translation>
    </message>
    <message>
      <source>{t} s : centre {c}</source>
      <translation>{t} s: centre {c}</translation>
    </message>
    <message>
      <source>vidéo {w}×{h}, {rate} b/s, {lufs} LUFS</source>
      <translation>video {w}×{h}, {rate} b/s, {lufs} LUFS</translation>
    </message>
    <message>
      <source>terminé</source>
      <translation>done</translation>
    </message>
    <message>
      <source>image {w}×{h}</source>
      <translation>picture {w}×{h}</translation>
    </message>
    <message>
      <source>Libellé</source>
      <translation>Label</translation>
    </message>
    <message>
      <source>Valeur</source>
      <translation>Value</translation>
    </message>
    <message>
      <source>Unité</source>
      <translation>Unit</translation>
    </message>
    <message>
      <source>Icône</source>
      <translation>Icon</translation>
    </message>
    <message>
      <source>Texte</source>
      <translation>Text</translation>
    </message>
    <message>
      <source>personne</source>
      <translation>person</translation>
    </message>
    <message>
      <source>groupe</source>
      <translation>group</translation>
    </message>
    <message>
      <source>menottes</source>
      <translation>handcuffs</translation>
    </message>
    <message>
      <source>poids</source>
      <translation>weight</translation>
    </message>
    <message>
      <source>véhicule</source>
      <translation>vehicle</translation>
    </message>
    <message>
      <source>bouclier</source>
      <translation>shield</translation>
    </message>
    <message>
      <source>téléphone</source>
      <translation>phone</translation>
    </message>
    <message>
      <source>calendrier</source>
      <translation>calendar</translation>
    </message>
    <message>
      <source>lieu</source>
      <translation>place</translation>
    </message>
    <message>
      <source>alerte</source>
      <translation>alert</translation>
    </message>
    <message>
      <source>horloge</source>
      <translation>clock</translation>
    </message>
    <message>
      <source>maison</source>
      <translation>house</translation>
    </message>
    <message>
      <source>œil</source>
      <translation>eye</translation>
    </message>
    <message>
      <source>coche</source>
      <translation>tick</translation>
    </message>
    <message>
      <source>colis</source>
      <translation>parcel</translation>
    </message>
    <message>
      <source>euro</source>
      <translation>euro</translation>
    </message>
    <message>
      <source>information</source>
      <translation>information</translation>
    </message>
    <message>
      <source>Ajouter une ligne</source>
      <translation>Add a row</translation>
    </message>
    <message>
      <source>Supprimer</source>
      <translation>Remove</translation>
    </message>
    <message>
      <source>Monter</source>
      <translation>Move up</translation>
    </message>
    <message>
      <source>Descendre</source>
      <translation>Move down</translation>
    </message>
    <message>
      <source>tableau</source>
      <translation>table</translation>
    </message>
    <message>
      <source>Nombre attendu, par exemple 1 234,5</source>
      <translation>A number is expected, for example 1 234,5</translation>
    </message>
    <message>
      <source>« {what} », ligne {row} : valeur manquante</source>
      <translation>“{what}”, row {row}: value missing</translation>
    </message>
    <message>
      <source>« {what} », ligne {row} : « {text} » n'est pas un nombre (par exemple 1 234,5)</source>
      <translation>“{what}”, row {row}: “{text}” is not a number (for example 1 234,5)</translation>
    </message>
    <message>
      <source>Importer</source>
      <translation>Import</translation>
    </message>
    <message>
      <source>Fichier › Nouvelle opération…, puis Fichier › Importer des fichiers… ou un dossier, ou glissez-les dans la fenêtre : ils arrivent dans le Chutier. La détection des visages et des plaques démarre aussitôt.</source>
      <translation>File › New operation…, then File › Import files… or a folder, or drag them into the window: they land in the Clip bin. Face and plate detection starts at once.</translation>
    </message>
    <message>
      <source>Anonymiser les photos</source>
      <translation>Anonymise the photos</translation>
    </message>
    <message>
      <source>Onglet Propositions à vérifier : tranchez chaque région incertaine (A masque, R laisse visible). Puis double-cliquez chaque photo « à relire » du Chutier (onglet Anonymisation) : vérifiez chaque masque, dessinez ce qui manque (D), marquez-la revue (V). Onglet Personnes : qui masquer toujours, qui laisser visible.</source>
      <translation>Regions to check tab: decide each uncertain region (A masks, R leaves visible). Then double-click each photo “to review” in the Clip bin (Anonymisation tab): check each mask, draw what is missing (D), mark it reviewed (V). People tab: who is always masked, who is left visible.</translation>
    </message>
    <message>
      <source>Revoir les rushes</source>
      <translation>Review the rushes</translation>
    </message>
    <message>
      <source>Double-cliquez chaque rush (onglet Rushes) : masquez ou laissez visible chaque piste, ajoutez ce qui manque (N, puis un cadre), modifiez la voix d'une plage (I, O, puis Maj+V) si elle ferait reconnaître quelqu'un, puis marquez-le revu (V).</source>
      <translation>Double-click each rush (Rushes tab): mask or leave visible each track, add what is missing (N, then a box), disguise the voice of a range (I, O, then Shift+V) if it would identify someone, then mark it reviewed (V).</translation>
    </message>
    <message>
      <source>Infographies et montage</source>
      <translation>Infographics and editing</translation>
    </message>
    <message>
      <source>Onglet Infographies : un modèle de la charte, ses textes et ses chiffres, « Exporter tous les formats ». Onglet Montage : « Nouveau montage… », l'ordre des clips, les titres, « Rendre la vidéo ».</source>
      <translation>Infographics tab: a template of the brand guidelines, its texts and figures, “Export every format”. Editing tab: “New montage…”, the order of the clips, the titles, “Render the video”.</translation>
    </message>
    <message>
      <source>Onglet Export : cochez les canaux (X, LinkedIn, presse…) et exportez ; aucune métadonnée identifiante ne sort.</source>
      <translation>Export tab: tick the channels (X, LinkedIn, press…) and export; no identifying metadata leaves.</translation>
    </message>
    <message>
      <source>Onglet Validation : enregistrez la clé publique du chef de service, préparez le paquet de relecture avec les canaux où vous publierez, remettez-le-lui, puis appliquez sa décision signée.</source>
      <translation>Validation tab: register the head of department's public key, prepare the review bundle with the channels you will publish on, hand it over, then apply the signed decision.</translation>
    </message>
    <message>
      <source>Publication</source>
      <translation>Publication</translation>
    </message>
    <message>
      <source>« Publier les versions validées… » copie dans le dossier « prêt à publier » les fichiers mêmes que le chef de service a validés, canal par canal.</source>
      <translation>“Publish the approved versions…” copies into the “ready to publish” folder the very files the head of department approved, channel by channel.</translation>
    </message>
    <message>
      <source>Raccourcis clavier</source>
      <translation>Keyboard shortcuts</translation>
    </message>
    <message>
      <source>Guide : le travail dans l'ordre</source>
      <translation>Guide: the job step by step</translation>
    </message>
    <message>
      <source>&lt;b&gt;mediakit&lt;/b&gt; {version}&lt;br&gt;Boîte à outils média des chargés de communication : anonymisation, infographies, montage, export par canal et validation par le chef de service.</source>
      <translation>&lt;b&gt;mediakit&lt;/b&gt; {version}&lt;br&gt;Media toolkit for communication officers: anonymisation, infographics, editing, export per channel and validation by the chief of service.</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Touches</source>
      <translation>Keys</translation>
    </message>
    <message>
      <source>Description de la photo (texte alternatif)</source>
      <translation>Description of the photo (alternative text)</translation>
    </message>
    <message>
      <source>Utiliser sans relecture…</source>
      <translation>Use without review…</translation>
    </message>
    <message>
      <source>Demande une raison écrite, journalisée ; l'infographie sera signalée « masques non revus »</source>
      <translation>Asks for a written reason, logged; the infographic will be flagged “masks not reviewed”</translation>
    </message>
    <message>
      <source>Photo de l'opération</source>
      <translation>Operation photo</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>Description</translation>
    </message>
    <message>
      <source>Nom de l'infographie dans l'opération</source>
      <translation>Name of the infographic in the operation</translation>
    </message>
    <message>
      <source>Texte alternatif (généré depuis les champs si vide)</source>
      <translation>Alt text (generated from the fields if empty)</translation>
    </message>
    <message>
      <source>Exporter tous les formats</source>
      <translation>Export every format</translation>
    </message>
    <message>
      <source>Écrit chaque format et l'ajoute à l'opération : onglet Export et paquet de relecture</source>
      <translation>Writes every format and adds it to the operation: Export tab and review bundle</translation>
    </message>
    <message>
      <source>Charte</source>
      <translation>Charte</translation>
    </message>
    <message>
      <source>Modèle</source>
      <translation>Template</translation>
    </message>
    <message>
      <source>Nom</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Remplir depuis un tableau CSV…</source>
      <translation>Fill from a CSV table…</translation>
    </message>
    <message>
      <source>— aucune photo —</source>
      <translation>— no photo —</translation>
    </message>
    <message>
      <source>— ouvrez une opération pour choisir une photo —</source>
      <translation>— open an operation to choose a photo —</translation>
    </message>
    <message>
      <source>Texte alternatif</source>
      <translation>Alt text</translation>
    </message>
    <message>
      <source>Conformité à la charte</source>
      <translation>Charte compliance</translation>
    </message>
    <message>
      <source>Données du graphique</source>
      <translation>Chart data</translation>
    </message>
    <message>
      <source>Tableaux CSV (*.csv *.txt)</source>
      <translation>CSV tables (*.csv *.txt)</translation>
    </message>
    <message>
      <source>Son usage sera journalisé et l'infographie signalée « masques non revus ». Raison (obligatoire) :</source>
      <translation>Its use will be logged and the infographic flagged “masks not reviewed”. Reason (required):</translation>
    </message>
    <message>
      <source>Photo non utilisée : passer outre la relecture demande une raison écrite.</source>
      <translation>Photo not used: overriding the review requires a written reason.</translation>
    </message>
    <message>
      <source>Ouvrez une opération pour exporter : les infographies y sont gardées pour l'export par canal et la relecture.</source>
      <translation>Open an operation to export: infographics are kept in it for export per channel and review.</translation>
    </message>
    <message>
      <source>{n} format(s) écrit(s) dans {folder} ; {k} ajouté(s) à l'opération (onglet Export, paquet de relecture).</source>
      <translation>{n} format(s) written to {folder}; {k} added to the operation (Export tab, review bundle).</translation>
    </message>
    <message>
      <source>Signalée « masques non revus » : une photo n'a pas été relue.</source>
      <translation>Flagged “masks not reviewed”: a photo was not reviewed.</translation>
    </message>
    <message>
      <source>Export annulé.</source>
      <translation>Export cancelled.</translation>
    </message>
    <message>
      <source>Photo relue : ses masques sont appliqués.</source>
      <translation>Photo reviewed: its masks are applied.</translation>
    </message>
    <message>
      <source>Cette photo n'a pas été relue :</source>
      <translation>This photo has not been reviewed:</translation>
    </message>
    <message>
      <source>Aperçu périmé : </source>
      <translation>Preview out of date: </translation>
    </message>
    <message>
      <source>conforme à la charte</source>
      <translation>complies with the brand guidelines</translation>
    </message>
    <message>
      <source>aperçu impossible : {error}</source>
      <translation>preview impossible: {error}</translation>
    </message>
    <message>
      <source>Utilisée sans relecture (raison journalisée) : l'infographie sera signalée « masques non revus ».</source>
      <translation>Used without review (reason logged): the infographic will be flagged “masks not reviewed”.</translation>
    </message>
    <message>
      <source>photo refusée : </source>
      <translation>photo refused: </translation>
    </message>
    <message>
      <source>Export refusé : </source>
      <translation>Export refused: </translation>
    </message>
    <message>
      <source>Export en cours : {format}…</source>
      <translation>Exporting: {format}…</translation>
    </message>
    <message>
      <source>par exemple 01 23 45 67 89</source>
      <translation>for example 01 23 45 67 89</translation>
    </message>
    <message>
      <source>Photo refusée : </source>
      <translation>Photo refused: </translation>
    </message>
    <message>
      <source>« {field} » : choisissez une photo de l'opération</source>
      <translation>“{field}”: choose a photo of the operation</translation>
    </message>
    <message>
      <source>« {field} » : ouvrez une opération et choisissez une de ses photos</source>
      <translation>“{field}”: open an operation and choose one of its photos</translation>
    </message>
    <message>
      <source>détection non lancée</source>
      <translation>not detected yet</translation>
    </message>
    <message>
      <source>à vérifier</source>
      <translation>to check</translation>
    </message>
    <message>
      <source>à relire</source>
      <translation>to review</translation>
    </message>
    <message>
      <source>revu</source>
      <translation>reviewed</translation>
    </message>
    <message>
      <source>exporté</source>
      <translation>exported</translation>
    </message>
    <message>
      <source>à valider</source>
      <translation>awaiting approval</translation>
    </message>
    <message>
      <source>validé</source>
      <translation>approved</translation>
    </message>
    <message>
      <source>corrections demandées</source>
      <translation>changes requested</translation>
    </message>
    <message>
      <source>détection en cours</source>
      <translation>detecting</translation>
    </message>
    <message>
      <source>détection en attente</source>
      <translation>detection queued</translation>
    </message>
    <message>
      <source>à relire : {what}</source>
      <translation>to review: {what}</translation>
    </message>
    <message>
      <source>{n} piste(s)</source>
      <translation>{n} track(s)</translation>
    </message>
    <message>
      <source>{n} masque(s)</source>
      <translation>{n} mask(s)</translation>
    </message>
    <message>
      <source>, {n} à vérifier</source>
      <translation>, {n} to check</translation>
    </message>
    <message>
      <source>visage</source>
      <translation>face</translation>
    </message>
    <message>
      <source>plaque</source>
      <translation>plate</translation>
    </message>
    <message>
      <source>texte</source>
      <translation>text</translation>
    </message>
    <message>
      <source>bande patronymique</source>
      <translation>name tape</translation>
    </message>
    <message>
      <source>masqué</source>
      <translation>masked</translation>
    </message>
    <message>
      <source>laissé visible</source>
      <translation>left visible</translation>
    </message>
    <message>
      <source>photo</source>
      <translation>photo</translation>
    </message>
    <message>
      <source>vidéo</source>
      <translation>video</translation>
    </message>
    <message>
      <source>image fixe</source>
      <translation>still image</translation>
    </message>
    <message>
      <source>montage</source>
      <translation>edit</translation>
    </message>
    <message>
      <source>infographie</source>
      <translation>infographic</translation>
    </message>
    <message>
      <source>titre</source>
      <translation>title</translation>
    </message>
    <message>
      <source>bandeau</source>
      <translation>lower third</translation>
    </message>
    <message>
      <source>carton</source>
      <translation>card</translation>
    </message>
    <message>
      <source>détecteur de visages</source>
      <translation>face detector</translation>
    </message>
    <message>
      <source>lecteur de plaques et de textes</source>
      <translation>plate and text reader</translation>
    </message>
    <message>
      <source>détection des photos</source>
      <translation>photo detection</translation>
    </message>
    <message>
      <source>détection des vidéos</source>
      <translation>video detection</translation>
    </message>
    <message>
      <source>Facebook</source>
      <translation>Facebook</translation>
    </message>
    <message>
      <source>Instagram (fil)</source>
      <translation>Instagram (feed)</translation>
    </message>
    <message>
      <source>Instagram (reel)</source>
      <translation>Instagram (reel)</translation>
    </message>
    <message>
      <source>Instagram (story)</source>
      <translation>Instagram (story)</translation>
    </message>
    <message>
      <source>LinkedIn</source>
      <translation>LinkedIn</translation>
    </message>
    <message>
      <source>Presse (JPEG pleine résolution, master 1080p)</source>
      <translation>Press (full-resolution JPEG, 1080p master)</translation>
    </message>
    <message>
      <source>TikTok</source>
      <translation>TikTok</translation>
    </message>
    <message>
      <source>X (Twitter)</source>
      <translation>X (Twitter)</translation>
    </message>
    <message>
      <source>YouTube Shorts</source>
      <translation>YouTube Shorts</translation>
    </message>
    <message>
      <source>YouTube</source>
      <translation>YouTube</translation>
    </message>
    <message>
      <source>manuel</source>
      <translation>manual</translation>
    </message>
    <message>
      <source>automatique</source>
      <translation>automatic</translation>
    </message>
    <message>
      <source>Masquer la région (comme A)</source>
      <translation>Mask the region (as A)</translation>
    </message>
    <message>
      <source>Laisser la région visible (comme R)</source>
      <translation>Leave the region visible (as R)</translation>
    </message>
    <message>
      <source>Élément suivant à relire (F3)</source>
      <translation>Next item to review (F3)</translation>
    </message>
    <message>
      <source>après (masqué)</source>
      <translation>after (masked)</translation>
    </message>
    <message>
      <source>avant (contours)</source>
      <translation>before (outlines)</translation>
    </message>
    <message>
      <source>Aucune région à vérifier restante.</source>
      <translation>No region left to check.</translation>
    </message>
    <message>
      <source>Masques</source>
      <translation>Masks</translation>
    </message>
    <message>
      <source>Revu. F3 : élément suivant à relire.</source>
      <translation>Reviewed. F3: next item to review.</translation>
    </message>
    <message>
      <source>Masquer (A ou M)</source>
      <translation>Mask (A or M)</translation>
    </message>
    <message>
      <source>Laisser visible (R ou X)</source>
      <translation>Leave visible (R or X)</translation>
    </message>
    <message>
      <source>Dessiner un masque (D)</source>
      <translation>Draw a mask (D)</translation>
    </message>
    <message>
      <source>Avant / après (Espace)</source>
      <translation>Before / after (Space)</translation>
    </message>
    <message>
      <source>Masque suivant (Tab)</source>
      <translation>Next mask (Tab)</translation>
    </message>
    <message>
      <source>Marquer comme revu (V)</source>
      <translation>Mark as reviewed (V)</translation>
    </message>
    <message>
      <source>{n} région(s) à vérifier restante(s) : A ou M masque, R ou X laisse visible</source>
      <translation>{n} region(s) left to check: A or M masks, R or X leaves visible</translation>
    </message>
    <message>
      <source>Masque dessiné : {what}</source>
      <translation>Drawn mask: {what}</translation>
    </message>
    <message>
      <source>{source}, score {score}</source>
      <translation>{source}, score {score}</translation>
    </message>
    <message>
      <source>Affichage : {mode}</source>
      <translation>Display: {mode}</translation>
    </message>
    <message>
      <source>(créez-la : menu Fichier › Nouvelle opération…)</source>
      <translation>(create it: File › New operation…)</translation>
    </message>
    <message>
      <source>aucune opération ici</source>
      <translation>no operation here</translation>
    </message>
    <message>
      <source>revoyez-les dans l'onglet Anonymisation ou Rushes</source>
      <translation>review them in the Anonymisation or Rushes tab</translation>
    </message>
    <message>
      <source>lancez la détection : menu Anonymisation › Détecter</source>
      <translation>run detection: Anonymisation › Detect</translation>
    </message>
    <message>
      <source>(enregistrez sa clé publique dans l'onglet Validation)</source>
      <translation>(register their public key in the Validation tab)</translation>
    </message>
    <message>
      <source>(le chef de service doit la signer avec sa clé privée)</source>
      <translation>(the chief of service must sign it with their private key)</translation>
    </message>
    <message>
      <source>choisissez les canaux de publication</source>
      <translation>choose the publication channels</translation>
    </message>
    <message>
      <source>Nouveau montage : rushes et photos</source>
      <translation>New montage: rushes and photos</translation>
    </message>
    <message>
      <source>Nouveau montage…</source>
      <translation>New montage…</translation>
    </message>
    <message>
      <source>Crée un montage avec les rushes et photos sélectionnés dans le Chutier, dans l'ordre de la sélection</source>
      <translation>Creates a montage from the rushes and photos selected in the Library, in the order of the selection</translation>
    </message>
    <message>
      <source>Ajouter la sélection du Chutier</source>
      <translation>Add the Library selection</translation>
    </message>
    <message>
      <source>Appliquer au clip</source>
      <translation>Apply to the clip</translation>
    </message>
    <message>
      <source>Retirer le clip</source>
      <translation>Remove the clip</translation>
    </message>
    <message>
      <source>Entrée</source>
      <translation>In</translation>
    </message>
    <message>
      <source>Sortie / durée</source>
      <translation>Out / duration</translation>
    </message>
    <message>
      <source>Transition</source>
      <translation>Transition</translation>
    </message>
    <message>
      <source>Texte du titre, ou Nom | Fonction</source>
      <translation>Title text, or Name | Role</translation>
    </message>
    <message>
      <source>Ajouter</source>
      <translation>Add</translation>
    </message>
    <message>
      <source>Supprimer le titre</source>
      <translation>Delete the title</translation>
    </message>
    <message>
      <source>Rendre la vidéo</source>
      <translation>Render the video</translation>
    </message>
    <message>
      <source>Annuler le rendu</source>
      <translation>Cancel the render</translation>
    </message>
    <message>
      <source>Rendu en cours…</source>
      <translation>Rendering…</translation>
    </message>
    <message>
      <source>Cochez les rushes et les photos du montage, dans l'ordre où ils se suivront (vous pourrez les réordonner).</source>
      <translation>Tick the montage's rushes and photos, in the order they will follow each other (you can reorder them later).</translation>
    </message>
    <message>
      <source>de</source>
      <translation>from</translation>
    </message>
    <message>
      <source>à</source>
      <translation>to</translation>
    </message>
    <message>
      <source>Clips (glisser pour réordonner)</source>
      <translation>Clips (drag to reorder)</translation>
    </message>
    <message>
      <source>Titres et bandeaux</source>
      <translation>Titles and lower-thirds</translation>
    </message>
    <message>
      <source>Nouveau montage</source>
      <translation>New montage</translation>
    </message>
    <message>
      <source>Nom du montage :</source>
      <translation>Montage name:</translation>
    </message>
    <message>
      <source>Aucun montage dans cette opération : « Nouveau montage… » le fait avec les rushes et les photos sélectionnés dans le Chutier, ou avec ceux que vous cocherez.</source>
      <translation>No montage in this operation: “New montage…” makes one with the rushes and photos selected in the Clip bin, or with those you tick.</translation>
    </message>
    <message>
      <source>aperçu en préparation…</source>
      <translation>preview being prepared…</translation>
    </message>
    <message>
      <source>Rendu annulé : aucun fichier écrit.</source>
      <translation>Render cancelled: no file written.</translation>
    </message>
    <message>
      <source>✖ un montage garde au moins un clip</source>
      <translation>✖ a montage keeps at least one clip</translation>
    </message>
    <message>
      <source>Montage rendu ({seconds:.1f} s) : il figure dans le Chutier et l'onglet Export.</source>
      <translation>Montage rendered ({seconds:.1f} s): it is in the Library and the Export tab.</translation>
    </message>
    <message>
      <source>choisissez d'abord des rushes ou des photos dans le Chutier</source>
      <translation>first choose rushes or photos in the Library</translation>
    </message>
    <message>
      <source>Charte : lisibilité conforme ({count} élément(s) mesuré(s)).</source>
      <translation>Charte: legibility compliant ({count} element(s) measured).</translation>
    </message>
    <message>
      <source>✖ Charte : {issues}</source>
      <translation>✖ Charte: {issues}</translation>
    </message>
    <message>
      <source>Toujours masquer</source>
      <translation>Always mask</translation>
    </message>
    <message>
      <source>Laisser visible</source>
      <translation>Keep visible</translation>
    </message>
    <message>
      <source>« Toujours masquer » : personnes à protéger (agents enrôlés…), masquées sur toutes les photos et vidéos même si leur masque a été rejeté par erreur. « Laisser visible » : personnes qui ont consenti (porte-parole…), laissées visibles mais signalées à la relecture. Chaque personne est reconnue d'après le visage de ses photos de référence.</source>
      <translation>“Always mask”: people to protect (enrolled officers…), masked on every photo and video even if their mask was rejected by mistake. “Keep visible”: people who consented (spokesperson…), left visible but flagged for review. Each person is recognised from the face on their reference photos.</translation>
    </message>
    <message>
      <source>Ajouter une personne…</source>
      <translation>Add a person…</translation>
    </message>
    <message>
      <source>Retirer</source>
      <translation>Remove</translation>
    </message>
    <message>
      <source>Déplacer vers l'autre liste</source>
      <translation>Move to the other list</translation>
    </message>
    <message>
      <source>Ajouter une personne</source>
      <translation>Add a person</translation>
    </message>
    <message>
      <source>Nom :</source>
      <translation>Name:</translation>
    </message>
    <message>
      <source>Liste :</source>
      <translation>List:</translation>
    </message>
    <message>
      <source>Photos de référence (un visage bien visible)</source>
      <translation>Reference photos (one clearly visible face)</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png *.heic *.tif *.tiff *.webp)</source>
      <translation>Images (*.jpg *.jpeg *.png *.heic *.tif *.tiff *.webp)</translation>
    </message>
    <message>
      <source>✖ Donnez un nom et au moins une photo de référence.</source>
      <translation>✖ Give a name and at least one reference photo.</translation>
    </message>
    <message>
      <source>Recherche du visage de {name} sur {count} photo(s)…</source>
      <translation>Looking for {name}'s face on {count} photo(s)…</translation>
    </message>
    <message>
      <source>{name} ajouté(e) à « {list} ».</source>
      <translation>{name} added to “{list}”.</translation>
    </message>
    <message>
      <source>✖ Personne non ajoutée : {message}</source>
      <translation>✖ Person not added: {message}</translation>
    </message>
    <message>
      <source>{name} retiré(e) des listes (Ctrl+Z pour annuler).</source>
      <translation>{name} removed from the lists (Ctrl+Z to undo).</translation>
    </message>
    <message>
      <source>{name} déplacé(e) vers « {list} ».</source>
      <translation>{name} moved to “{list}”.</translation>
    </message>
    <message>
      <source>{count} photo(s) de référence :
{photos}</source>
      <translation>{count} reference photo(s):
{photos}</translation>
    </message>
    <message>
      <source>Aucune proposition à vérifier dans cette opération.</source>
      <translation>No region to check in this operation.</translation>
    </message>
    <message>
      <source>Afficher aussi les masques</source>
      <translation>Show the masks too</translation>
    </message>
    <message>
      <source>rush</source>
      <translation>rush</translation>
    </message>
    <message>
      <source>Chaque vignette « à vérifier » est une région que la détection n'a pas masquée seule. A ou M : masquer ; R ou X : laisser visible (fausse détection) ; la suivante est choisie aussitôt. Ctrl+Z annule la dernière décision. Double-clic ou Entrée : ouvrir l'élément dans sa relecture.</source>
      <translation>Each thumbnail “to check” is a region the detection did not mask on its own. A or M: mask; R or X: leave visible (false detection); the next one is selected at once. Ctrl+Z undoes the last decision. Double-click or Enter: open the item in its review.</translation>
    </message>
    <message>
      <source>Masquer la région</source>
      <translation>Mask the region</translation>
    </message>
    <message>
      <source>Laisser la région visible</source>
      <translation>Leave the region visible</translation>
    </message>
    <message>
      <source>{name} ({where}), {region} : {state}</source>
      <translation>{name} ({where}), {region}: {state}</translation>
    </message>
    <message>
      <source>{name}, {region} : {state}</source>
      <translation>{name}, {region}: {state}</translation>
    </message>
    <message>
      <source>{n} à vérifier</source>
      <translation>{n} to check</translation>
    </message>
    <message>
      <source>Toutes les propositions sont tranchées.</source>
      <translation>Every proposal has been decided.</translation>
    </message>
    <message>
      <source>A ou M : masquer la vignette choisie ; R ou X : la laisser visible.</source>
      <translation>A or M: mask the selected thumbnail; R or X: leave it visible.</translation>
    </message>
    <message>
      <source>Voix modifiée : plus grave ou plus aiguë (une seule pour tout le rush)</source>
      <translation>Disguised voice: deeper or higher (one for the whole rush)</translation>
    </message>
    <message>
      <source>Lecture (Espace)</source>
      <translation>Play (Space)</translation>
    </message>
    <message>
      <source>Détecter</source>
      <translation>Detect</translation>
    </message>
    <message>
      <source>Début de piste ici</source>
      <translation>Track starts here</translation>
    </message>
    <message>
      <source>Fin de piste ici</source>
      <translation>Track ends here</translation>
    </message>
    <message>
      <source>Lecture / pause</source>
      <translation>Play / pause</translation>
    </message>
    <message>
      <source>Pause</source>
      <translation>Pause</translation>
    </message>
    <message>
      <source>Annuler le dessin en cours</source>
      <translation>Cancel the current drawing</translation>
    </message>
    <message>
      <source>Préparation de l'écoute…</source>
      <translation>Preparing the preview…</translation>
    </message>
    <message>
      <source>après (voix modifiée)</source>
      <translation>after (disguised voice)</translation>
    </message>
    <message>
      <source>avant (voix d'origine)</source>
      <translation>before (original voice)</translation>
    </message>
    <message>
      <source>Détection en cours…</source>
      <translation>Detecting…</translation>
    </message>
    <message>
      <source>Voix plus grave</source>
      <translation>Deeper voice</translation>
    </message>
    <message>
      <source>Voix plus aiguë</source>
      <translation>Higher voice</translation>
    </message>
    <message>
      <source>Piste</source>
      <translation>Track</translation>
    </message>
    <message>
      <source>Images</source>
      <translation>Frames</translation>
    </message>
    <message>
      <source>État</source>
      <translation>State</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>Image précédente</source>
      <translation>Previous frame</translation>
    </message>
    <message>
      <source>Image suivante</source>
      <translation>Next frame</translation>
    </message>
    <message>
      <source>Une seconde en arrière</source>
      <translation>One second back</translation>
    </message>
    <message>
      <source>Une seconde en avant</source>
      <translation>One second forward</translation>
    </message>
    <message>
      <source>Pistes</source>
      <translation>Tracks</translation>
    </message>
    <message>
      <source>{name} — {tracks} piste(s) — {state}
{ranges} plage(s), {markers} repère(s)</source>
      <translation>{name} — {tracks} track(s) — {state}
{ranges} range(s), {markers} marker(s)</translation>
    </message>
    <message>
      <source>Image clé {frame} de la piste {track} : tracez son cadre sur l'image (Échap pour annuler).</source>
      <translation>Keyframe {frame} of track {track}: draw its box on the picture (Esc to cancel).</translation>
    </message>
    <message>
      <source>Lecture sans son : aucune sortie audio sur ce poste.</source>
      <translation>Playing without sound: no audio output on this computer.</translation>
    </message>
    <message>
      <source>Pause (Espace)</source>
      <translation>Pause (Space)</translation>
    </message>
    <message>
      <source>Sélectionnez d'abord une piste (liste ou clic sur son cadre).</source>
      <translation>Select a track first (in the list or by clicking its box).</translation>
    </message>
    <message>
      <source>Aucune piste à vérifier sur ce rush.</source>
      <translation>No track to check on this rush.</translation>
    </message>
    <message>
      <source>Sélectionnez d'abord une piste masquée (liste ou clic sur son cadre).</source>
      <translation>First select a masked track (list or click on its box).</translation>
    </message>
    <message>
      <source>Image clé refusée : la piste {track} est à vérifier ; masquez-la (A) ou écartez-la (R) d'abord.</source>
      <translation>Keyframe refused: track {track} is to be checked; mask it (A) or dismiss it (R) first.</translation>
    </message>
    <message>
      <source>Image clé refusée : la piste {track} est laissée visible ; masquez-la (A) d'abord, ou créez une nouvelle piste (N).</source>
      <translation>Keyframe refused: track {track} is left visible; mask it (A) first, or create a new track (N).</translation>
    </message>
    <message>
      <source>La sortie doit suivre l'entrée.</source>
      <translation>The out point must come after the in point.</translation>
    </message>
    <message>
      <source>Sélectionnez d'abord une plage : glissez sur la bande sous l'image, ou I puis O.</source>
      <translation>Select a range first: drag on the strip under the picture, or press I then O.</translation>
    </message>
    <message>
      <source>Nouvelle piste : tracez son cadre sur l'image ; elle commence à l'image {frame} (Échap pour annuler).</source>
      <translation>New track: draw its box on the picture; it starts at frame {frame} (Esc to cancel).</translation>
    </message>
    <message>
      <source>{t:.2f} s — image {frame} / {total}</source>
      <translation>{t:.2f} s — frame {frame} / {total}</translation>
    </message>
    <message>
      <source>Lecture impossible : aucun moteur de lecture vidéo sur ce poste.</source>
      <translation>Cannot play: no video playback engine on this computer.</translation>
    </message>
    <message>
      <source>Écoute prête mais impossible ici : Qt Multimedia est absent.</source>
      <translation>Preview ready but cannot be played here: Qt Multimedia is missing.</translation>
    </message>
    <message>
      <source>Écoute {what}</source>
      <translation>Playing {what}</translation>
    </message>
    <message>
      <source>Nouvelle piste (N)</source>
      <translation>New track (N)</translation>
    </message>
    <message>
      <source>À vérifier suivante (Tab)</source>
      <translation>Next to check (Tab)</translation>
    </message>
    <message>
      <source>Ajouter une image clé à la piste (E)</source>
      <translation>Add a keyframe to the track (E)</translation>
    </message>
    <message>
      <source>Dessiner un cadre (D)</source>
      <translation>Draw a box (D)</translation>
    </message>
    <message>
      <source>Retirer l'image clé (Suppr)</source>
      <translation>Remove the keyframe (Del)</translation>
    </message>
    <message>
      <source>Début de piste ici ([)</source>
      <translation>Track starts here ([)</translation>
    </message>
    <message>
      <source>Fin de piste ici (])</source>
      <translation>Track ends here (])</translation>
    </message>
    <message>
      <source>Point d'entrée (I)</source>
      <translation>Mark in (I)</translation>
    </message>
    <message>
      <source>Point de sortie (O)</source>
      <translation>Mark out (O)</translation>
    </message>
    <message>
      <source>Repère (Maj+M)</source>
      <translation>Marker (Shift+M)</translation>
    </message>
    <message>
      <source>Avant / après (B)</source>
      <translation>Before / after (B)</translation>
    </message>
    <message>
      <source>Voix modifiée (Maj+V)</source>
      <translation>Disguise voice (Shift+V)</translation>
    </message>
    <message>
      <source>Voix d'origine</source>
      <translation>Original voice</translation>
    </message>
    <message>
      <source>Écouter avant</source>
      <translation>Listen before</translation>
    </message>
    <message>
      <source>Écouter après</source>
      <translation>Listen after</translation>
    </message>
    <message>
      <source>Tout le rush</source>
      <translation>Whole rush</translation>
    </message>
    <message>
      <source>{n} piste(s) à vérifier : Tab pour la suivante, A pour la masquer, R pour la laisser visible.</source>
      <translation>{n} track(s) to check: Tab for the next one, A to mask it, R to leave it visible.</translation>
    </message>
    <message>
      <source>Voix modifiée : {ranges}</source>
      <translation>Disguised voice: {ranges}</translation>
    </message>
    <message>
      <source>Sélection : {range}</source>
      <translation>Selection: {range}</translation>
    </message>
    <message>
      <source>Entrée : {t:.2f} s</source>
      <translation>In: {t:.2f} s</translation>
    </message>
    <message>
      <source>Lecture impossible : {error}</source>
      <translation>Cannot play: {error}</translation>
    </message>
    <message>
      <source>Écoute impossible : {error}</source>
      <translation>Cannot play the preview: {error}</translation>
    </message>
    <message>
      <source>Écoute {what} prête, mais ce poste n'a pas de sortie audio.</source>
      <translation>Preview {what} ready, but this computer has no audio output.</translation>
    </message>
    <message>
      <source>{count} piste(s) détectée(s)</source>
      <translation>{count} track(s) detected</translation>
    </message>
    <message>
      <source>Lecture impossible : Qt Multimedia est absent ({error}).</source>
      <translation>Cannot play: Qt Multimedia is missing ({error}).</translation>
    </message>
    <message>
      <source>La décision du chef de service est signée : mediakit n'applique une décision que si sa signature correspond à une clé publique enregistrée ici. Une paire de clés se compose d'une clé privée, que son propriétaire garde pour lui seul et qui sert à signer, et d'une clé publique, que l'on peut remettre à tous et qui sert à vérifier.</source>
      <translation>The chief of service's decision is signed: mediakit applies a decision only when its signature matches a public key registered here. A key pair is a private key, which its owner keeps to themselves and uses to sign, and a public key, which can be handed to anyone and is used to verify.</translation>
    </message>
    <message>
      <source>Publier : choix des canaux</source>
      <translation>Publish: choose the channels</translation>
    </message>
    <message>
      <source>Préparer un paquet de relecture</source>
      <translation>Prepare a review bundle</translation>
    </message>
    <message>
      <source>Créer une paire de clés…</source>
      <translation>Create a key pair…</translation>
    </message>
    <message>
      <source>Enregistrer la clé publique du chef…</source>
      <translation>Register the chief's public key…</translation>
    </message>
    <message>
      <source>Préparer un paquet de relecture…</source>
      <translation>Prepare a review bundle…</translation>
    </message>
    <message>
      <source>Appliquer une décision signée…</source>
      <translation>Apply a signed decision…</translation>
    </message>
    <message>
      <source>Publier les versions validées…</source>
      <translation>Publish the approved versions…</translation>
    </message>
    <message>
      <source>Signer une décision (chef de service)…</source>
      <translation>Sign a decision (head of department)…</translation>
    </message>
    <message>
      <source>Pour le chef de service, sur son poste : signe avec sa clé privée le fichier de décision enregistré depuis la page de relecture du paquet.</source>
      <translation>For the head of department, on their own computer: signs with their private key the decision file saved from the bundle's review page.</translation>
    </message>
    <message>
      <source>Créer une paire de clés</source>
      <translation>Create a key pair</translation>
    </message>
    <message>
      <source>Nom du titulaire de la clé (par exemple le chef de service) :</source>
      <translation>Name of the key holder (for example the chief of service):</translation>
    </message>
    <message>
      <source>Dossier où écrire les deux clés (une clé USB personnelle, par exemple)</source>
      <translation>Folder where to write both keys (a personal USB stick, for example)</translation>
    </message>
    <message>
      <source>Clé publique du chef de service</source>
      <translation>Chief of service's public key</translation>
    </message>
    <message>
      <source>Clé publique (*.pem)</source>
      <translation>Public key (*.pem)</translation>
    </message>
    <message>
      <source>Nom du relecteur, tel qu'il signera ses décisions :</source>
      <translation>Name of the reviewer, as they will sign their decisions:</translation>
    </message>
    <message>
      <source>Décision à signer (enregistrée depuis la page de relecture)</source>
      <translation>Decision to sign (saved from the review page)</translation>
    </message>
    <message>
      <source>Décision (*.json)</source>
      <translation>Decision (*.json)</translation>
    </message>
    <message>
      <source>Votre clé privée</source>
      <translation>Your private key</translation>
    </message>
    <message>
      <source>Clé privée (*.pem)</source>
      <translation>Private key (*.pem)</translation>
    </message>
    <message>
      <source>Paquet de relecture</source>
      <translation>Review bundle</translation>
    </message>
    <message>
      <source>Paquet (*.zip)</source>
      <translation>Bundle (*.zip)</translation>
    </message>
    <message>
      <source>Masques non revus</source>
      <translation>Masks not reviewed</translation>
    </message>
    <message>
      <source>Revoir d'abord</source>
      <translation>Review first</translation>
    </message>
    <message>
      <source>Passer outre…</source>
      <translation>Override…</translation>
    </message>
    <message>
      <source>Passer outre</source>
      <translation>Override</translation>
    </message>
    <message>
      <source>Raison (inscrite au journal d'audit) :</source>
      <translation>Reason (written to the audit log):</translation>
    </message>
    <message>
      <source>Préparation du paquet de relecture…</source>
      <translation>Preparing the review bundle…</translation>
    </message>
    <message>
      <source>Décision signée du chef de service</source>
      <translation>Chief of service's signed decision</translation>
    </message>
    <message>
      <source>Publication des versions validées…</source>
      <translation>Publishing the approved versions…</translation>
    </message>
    <message>
      <source>Seules les versions validées par le chef de service sont publiées, et seulement pour les canaux qu'il a approuvés.</source>
      <translation>Only the versions approved by the chief of service are published, and only for the channels they approved.</translation>
    </message>
    <message>
      <source>Éléments soumis au chef de service</source>
      <translation>Items submitted to the head of department</translation>
    </message>
    <message>
      <source>Fichiers exportés joints au paquet</source>
      <translation>Exported files included in the bundle</translation>
    </message>
    <message>
      <source>Cochez les canaux où ces éléments seront publiés : leurs fichiers, exportés et masqués comme ils seront publiés, sont joints au paquet, et le chef de service décide canal par canal. Sans canal, il ne voit que les aperçus masqués, et rien ne pourra être publié après sa décision.</source>
      <translation>Tick the channels where these items will be published: their files, exported and masked as they will be published, are joined to the bundle, and the head of department decides channel by channel. Without a channel, they only see the masked previews, and nothing can be published after their decision.</translation>
    </message>
    <message>
      <source>Élément</source>
      <translation>Item</translation>
    </message>
    <message>
      <source>Statut</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Version</source>
      <translation>Version</translation>
    </message>
    <message>
      <source>Commentaires</source>
      <translation>Comments</translation>
    </message>
    <message>
      <source>1. Clés de signature</source>
      <translation>1. Signing keys</translation>
    </message>
    <message>
      <source>2. Relecture par le chef de service</source>
      <translation>2. Review by the chief of service</translation>
    </message>
    <message>
      <source>Rien n'est publié avant la validation du chef de service. Préparez le paquet, remettez-le-lui, puis appliquez sa décision signée ; publiez enfin les versions validées.</source>
      <translation>Nothing is published before the chief of service approves it. Prepare the bundle, hand it over, apply the signed decision, then publish the approved versions.</translation>
    </message>
    <message>
      <source>Aucun canal coché</source>
      <translation>No channel ticked</translation>
    </message>
    <message>
      <source>Aucun canal n'est coché : le chef de service ne verra que les aperçus masqués, et aucun fichier ne pourra être publié après sa décision (la publication copie les fichiers qu'il a vus). Préparer quand même ce paquet ?</source>
      <translation>No channel is ticked: the head of department will only see the masked previews, and no file can be published after their decision (publication copies the files they saw). Prepare this bundle anyway?</translation>
    </message>
    <message>
      <source>Aucune clé de relecteur enregistrée : la décision du chef ne pourra pas être appliquée. Enregistrez sa clé publique (fichier .pem qu'il vous remet), ou créez sa paire de clés ici et remettez-lui la clé privée.</source>
      <translation>No reviewer key registered: the chief's decision cannot be applied. Register their public key (the .pem file they give you), or create their key pair here and hand them the private key.</translation>
    </message>
    <message>
      <source>Ces éléments n'ont pas été entièrement revus : un visage ou une plaque peut y rester visible.

{items}

Revoyez-les d'abord (onglets Anonymisation et Rushes), ou passez outre en donnant une raison : elle est inscrite au journal et ces éléments sont marqués NON VALIDÉ.</source>
      <translation>These items were not fully reviewed: a face or a plate may remain visible.

{items}

Review them first (Anonymisation and Rushes tabs), or override with a reason: it is written to the log and these items are marked NOT VALIDATED.</translation>
    </message>
    <message>
      <source>Relecteur(s) enregistré(s) : {names}</source>
      <translation>Registered reviewer(s): {names}</translation>
    </message>
    <message>
      <source>Enregistrer aussitôt la clé publique de « {name} » comme relecteur de cette opération ?</source>
      <translation>Register the public key of "{name}" as a reviewer of this operation now?</translation>
    </message>
    <message>
      <source>Clés de « {name} » créées. Clé privée, à remettre à son titulaire seul et à ne jamais envoyer : {private}. Clé publique : {public}.</source>
      <translation>Keys of "{name}" created. Private key, to hand to its holder only and never to send: {private}. Public key: {public}.</translation>
    </message>
    <message>
      <source>Clé de « {name} » enregistrée (empreinte {fp}).</source>
      <translation>Key of "{name}" registered (fingerprint {fp}).</translation>
    </message>
    <message>
      <source>Décision signée : {file}. Renvoyez ce fichier à l'agent, qui l'appliquera avec « Appliquer une décision signée… ».</source>
      <translation>Decision signed: {file}. Send this file back to the officer, who will apply it with “Apply a signed decision…”.</translation>
    </message>
    <message>
      <source>Paquet {pack_id} prêt : {bundle} ({n} élément(s)) — à remettre au chef de service.</source>
      <translation>Bundle {pack_id} ready: {bundle} ({n} item(s)) — to hand to the chief of service.</translation>
    </message>
    <message>
      <source>Décision de {reviewer} appliquée : {ok} validé(s), {fix} à corriger</source>
      <translation>Decision of {reviewer} applied: {ok} approved, {fix} to correct</translation>
    </message>
    <message>
      <source>décision refusée : {reason}</source>
      <translation>decision refused: {reason}</translation>
    </message>
    <message>
      <source>Paquet non préparé : {n} élément(s) à revoir.</source>
      <translation>Bundle not prepared: {n} item(s) to review.</translation>
    </message>
  </context>
</TS>
