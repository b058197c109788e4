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
      <source>Chutier</source>
      <translation>Clip bin</translation>
    </message>
    <message>
      <source>Anonymisation</source>
      <translation>Anonymisation</translation>
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
      <source>&amp;Importer un dossier…</source>
      <translation>&amp;Import a folder…</translation>
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
      <source>&amp;Détecter visages et plaques (photos)</source>
      <translation>&amp;Detect faces and plates (photos)</translation>
    </message>
    <message>
      <source>La langue choisie s'appliquera au prochain démarrage.</source>
      <translation>The chosen language applies at the next start.</translation>
    </message>
    <message>
      <source>Opération : {name}
{count} élément(s). Double-cliquez une photo pour revoir ses masques.</source>
      <translation>Operation: {name}
{count} item(s). Double-click a photo to review its masks.</translation>
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
      <source> et plus</source>
      <translation> and more</translation>
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
      <source>Exporter aussi les éléments aux masques non revus (signalés)</source>
      <translation>Also export items whose masks are not reviewed (flagged)</translation>
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
      <source>Ouvrir le dossier</source>
      <translation>Open the folder</translation>
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
      <source>Texte alternatif (généré depuis les champs si vide)</source>
      <translation>Alt text (generated from the fields if empty)</translation>
    </message>
    <message>
      <source>Exporter tous les formats</source>
      <translation>Export every format</translation>
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
      <source>Texte alternatif</source>
      <translation>Alt text</translation>
    </message>
    <message>
      <source>Conformité à la charte</source>
      <translation>Charte compliance</translation>
    </message>
    <message>
      <source>Masques</source>
      <translation>Masks</translation>
    </message>
    <message>
      <source>Accepter (A)</source>
      <translation>Accept (A)</translation>
    </message>
    <message>
      <source>Rejeter (R)</source>
      <translation>Reject (R)</translation>
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
      <source>Appliquer au clip</source>
      <translation>Apply to the clip</translation>
    </message>
    <message>
      <source>Entrée</source>
      <translation>In</translation>
    </message>
    <message>
      <source>Sortie</source>
      <translation>Out</translation>
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
      <source>Ajouter le titre</source>
      <translation>Add the title</translation>
    </message>
    <message>
      <source>Rendre la vidéo</source>
      <translation>Render the video</translation>
    </message>
    <message>
      <source>Rendu en cours…</source>
      <translation>Rendering…</translation>
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
      <source>Aucune timeline : créez-la (mediakit montage … --save) ou lancez la démonstration.</source>
      <translation>No timeline: create one (mediakit montage … --save) or run the demo.</translation>
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
      <source>⛔ Donnez un nom et au moins une photo de référence.</source>
      <translation>⛔ Give a name and at least one reference photo.</translation>
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
      <source>⛔ Personne non ajoutée : {message}</source>
      <translation>⛔ Person not added: {message}</translation>
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
      <source>Lecture (Espace)</source>
      <translation>Play (Space)</translation>
    </message>
    <message>
      <source>Détecter</source>
      <translation>Detect</translation>
    </message>
    <message>
      <source>revu</source>
      <translation>reviewed</translation>
    </message>
    <message>
      <source>NON REVU</source>
      <translation>NOT REVIEWED</translation>
    </message>
    <message>
      <source>Détection en cours…</source>
      <translation>Detecting…</translation>
    </message>
    <message>
      <source>Piste</source>
      <translation>Track</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Type</translation>
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
      <source>Pistes</source>
      <translation>Tracks</translation>
    </message>
    <message>
      <source>accepté</source>
      <translation>accepted</translation>
    </message>
    <message>
      <source>rejeté</source>
      <translation>rejected</translation>
    </message>
    <message>
      <source>manuel</source>
      <translation>manual</translation>
    </message>
    <message>
      <source>auto</source>
      <translation>auto</translation>
    </message>
    <message>
      <source>{name} — {tracks} piste(s) — {reviewed}
{ranges} plage(s), {markers} repère(s)</source>
      <translation>{name} — {tracks} track(s) — {reviewed}
{ranges} range(s), {markers} marker(s)</translation>
    </message>
    <message>
      <source>Mode dessin : tracez un rectangle sur l'image.</source>
      <translation>Drawing mode: drag a rectangle on the frame.</translation>
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
      <source>La sortie doit suivre l'entrée.</source>
      <translation>The out point must come after the in point.</translation>
    </message>
    <message>
      <source>Dessiner une image clé (D)</source>
      <translation>Draw a keyframe (D)</translation>
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
      <source>Retirer l'image clé (Suppr)</source>
      <translation>Remove the keyframe (Del)</translation>
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
      <source>Repère (M)</source>
      <translation>Marker (M)</translation>
    </message>
    <message>
      <source>Avant / après masquage (B)</source>
      <translation>Before / after masking (B)</translation>
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
      <source>Entrée : {t:.2f} s</source>
      <translation>In: {t:.2f} s</translation>
    </message>
    <message>
      <source>Lecture impossible : {error}</source>
      <translation>Cannot play: {error}</translation>
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
      <source>Préparer un paquet de relecture…</source>
      <translation>Prepare a review bundle…</translation>
    </message>
    <message>
      <source>Importer une décision signée…</source>
      <translation>Import a signed decision…</translation>
    </message>
    <message>
      <source>Publier les versions validées</source>
      <translation>Publish the validated versions</translation>
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
      <source>Rien n'est publié avant la validation du chef de service.</source>
      <translation>Nothing is published before the chief of service has validated it.</translation>
    </message>
  </context>
</TS>
