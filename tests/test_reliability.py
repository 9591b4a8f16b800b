"""Reliability: bad input never stops a run, other languages are recorded and not coded,
a killed ingest loses nothing, and a second writer is refused cleanly.

The fast tests drive the readers and the language gate directly; the slow ones run the
real ``dyad ingest`` in subprocesses (SIGKILL, rerun, compare with an uninterrupted run).
"""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import duckdb
import pytest

from dyad.errors import BINARY, EMPTY, ENCODING, MALFORMED, NO_TEXT, TOO_LARGE
from dyad.ingest import jsonl as jsonl_module
from dyad.ingest import pages as pages_module
from dyad.ingest import read_paths, read_text
from dyad.ingest import tabular as tabular_module
from dyad.ingest import text as text_module
from dyad.ingest.language import LANGUAGES, NOT_ENGLISH, detect_language, is_english
from dyad.model import Document, Failure
from dyad.pipeline import Extractor
from tests.conftest import EXAMPLES, ROOT

DYAD = [sys.executable, "-m", "dyad.cli"]
ARTICLE = ("ATHENS, Sept 28 (dyad) - Greece and France signed a defence agreement on Tuesday, "
           "the two governments said after talks in Athens.")


def read_all(*paths: Path) -> list[Document | Failure]:
    return list(read_paths(list(paths)))


def codes(items: list[Document | Failure]) -> list[str]:
    """One entry per item: "doc" for a Document, the failure code for a Failure."""
    return ["doc" if isinstance(i, Document) else i.code for i in items]


# --- languages -------------------------------------------------------------------------
# Written for these tests: one or two news sentences each, the hard case (real articles
# are longer). English includes sentences full of foreign names and a French quote.

LANG_TEXTS = {
    "en": [
        "The foreign ministers of Greece and France met in Athens on Tuesday to discuss the defence pact.",
        "Officials said the talks would resume next week after a short pause over the border dispute.",
        "Brazil and China signed a trade agreement worth $10 billion during Lula's visit to Beijing.",
        "The ceasefire between Armenia and Azerbaijan held overnight, according to the defence ministry.",
        "Turkey's parliament voted to approve Sweden's bid to join NATO after months of delay.",
        "Japan and South Korea agreed to restore a military intelligence pact that had lapsed in 2019.",
        "Djibouti hosts foreign military bases from the United States, France, China and Japan.",
        "The Philippines granted the US access to four more sites under the defence cooperation deal.",
        "Protesters gathered outside the embassy, and police said there were no arrests by evening.",
        "Russia accused Ukraine of shelling a border village, a claim Kyiv denied on Friday.",
        "The president told reporters that sanctions would stay in place until the troops withdraw.",
        "Germany will send air defence systems to Poland, the chancellor's office said in a statement.",
        "Iran and Saudi Arabia have reopened their embassies, seven years after cutting diplomatic ties.",
        "A spokesman for the United Nations said aid convoys had reached the besieged city at last.",
        "India and Pakistan exchanged fire across the Line of Control, killing two soldiers, officials said.",
        "The European Union is expected to extend its sanctions on Belarus for another six months.",
        "Mexico recalled its ambassador from Peru over what it called interference in its affairs.",
        "Analysts say the agreement could reshape energy supplies across the region for a decade.",
        "Le Drian and Dendias signed the accord at the Élysée Palace in Paris, with Macron watching.",
        "Chancellor Olaf Scholz and President Emmanuel Macron held talks at the Schloss Meseberg retreat.",
    ],
    "de": [
        "Die Außenminister von Griechenland und Frankreich haben am Dienstag in Athen ein Abkommen unterzeichnet.",
        "Nach Angaben der Regierung wird die Waffenruhe zwischen den beiden Ländern weiterhin eingehalten.",
        "Der Bundeskanzler sagte, dass Deutschland die Ukraine auch im nächsten Jahr unterstützen werde.",
        "Die Gespräche über ein neues Handelsabkommen sollen in der kommenden Woche fortgesetzt werden.",
        "Das türkische Parlament hat dem Beitritt Schwedens zur NATO nach monatelangem Streit zugestimmt.",
        "Bei einem Angriff auf ein Dorf an der Grenze sind nach offiziellen Angaben drei Menschen getötet worden.",
        "Die Europäische Union will ihre Sanktionen gegen Russland um weitere sechs Monate verlängern.",
        "Japan und Südkorea wollen ihre Zusammenarbeit im Bereich der Verteidigung wieder aufnehmen.",
        "Der Sprecher des Ministeriums erklärte, man sei über die Lage an der Grenze sehr besorgt.",
        "Brasilien und China haben bei dem Besuch des Präsidenten mehrere Verträge abgeschlossen.",
        "Die Botschaft wurde nach sieben Jahren wieder geöffnet, wie das Außenministerium mitteilte.",
        "Nach dem Treffen in Genf sprachen beide Seiten von einem konstruktiven Dialog ohne Ergebnis.",
        "Die Regierung in Berlin hat den Botschafter des Landes einbestellt und eine Erklärung verlangt.",
        "Es ist das erste Mal seit dem Ende des Krieges, dass sich die beiden Präsidenten treffen.",
        "Die Vereinten Nationen warnen vor einer humanitären Katastrophe in der belagerten Stadt.",
        "Polen erhält aus Deutschland ein System zur Luftverteidigung, das an der Grenze stationiert wird.",
        "Die Opposition kritisierte den Vertrag scharf und kündigte eine Klage vor dem Verfassungsgericht an.",
        "Mexiko hat seinen Botschafter aus Peru abgezogen, weil es sich um eine Einmischung handle.",
        "Die Verhandlungen über den Abzug der Truppen sind nach Angaben von Diplomaten ins Stocken geraten.",
        "Der Iran und Saudi-Arabien haben ihre diplomatischen Beziehungen wieder aufgenommen.",
    ],
    "fr": [
        "Les ministres des Affaires étrangères de la Grèce et de la France ont signé un accord mardi à Athènes.",
        "Selon le gouvernement, le cessez-le-feu entre les deux pays est respecté depuis dimanche.",
        "Le président a déclaré que la France continuerait à soutenir l'Ukraine pendant l'hiver.",
        "Les négociations sur un nouvel accord commercial doivent reprendre la semaine prochaine à Genève.",
        "Le parlement turc a approuvé l'adhésion de la Suède à l'OTAN après des mois de blocage.",
        "Trois personnes ont été tuées lors d'une attaque contre un village près de la frontière.",
        "L'Union européenne veut prolonger ses sanctions contre la Russie pour six mois de plus.",
        "Le Japon et la Corée du Sud ont décidé de rétablir leur coopération dans le domaine de la défense.",
        "Le porte-parole du ministère s'est dit très préoccupé par la situation dans la région.",
        "Le Brésil et la Chine ont conclu plusieurs contrats pendant la visite du président à Pékin.",
        "L'ambassade a rouvert ses portes après sept ans de fermeture, a annoncé le ministère.",
        "Après la réunion, les deux parties ont parlé d'un dialogue constructif mais sans résultat.",
        "Le gouvernement a convoqué l'ambassadeur pour exiger des explications sur cet incident.",
        "C'est la première fois depuis la fin de la guerre que les deux dirigeants se rencontrent.",
        "Les Nations unies mettent en garde contre une catastrophe humanitaire dans la ville assiégée.",
        "La Pologne recevra un système de défense aérienne qui sera déployé le long de la frontière.",
        "L'opposition a vivement critiqué le traité et annoncé un recours devant le Conseil constitutionnel.",
        "Le Mexique a rappelé son ambassadeur au Pérou en dénonçant une ingérence dans ses affaires.",
        "Les discussions sur le retrait des troupes sont au point mort, selon des diplomates.",
        "L'Iran et l'Arabie saoudite ont rétabli leurs relations diplomatiques au printemps.",
    ],
    "es": [
        "Los ministros de Exteriores de Grecia y Francia firmaron el martes un acuerdo de defensa en Atenas.",
        "Según el gobierno, el alto el fuego entre los dos países se mantiene desde el domingo.",
        "El presidente dijo que España seguirá apoyando a Ucrania durante todo el invierno.",
        "Las negociaciones sobre un nuevo acuerdo comercial se reanudarán la próxima semana en Ginebra.",
        "El parlamento turco aprobó la adhesión de Suecia a la OTAN tras meses de bloqueo.",
        "Tres personas murieron en un ataque contra una aldea cerca de la frontera, según las autoridades.",
        "La Unión Europea quiere prorrogar sus sanciones contra Rusia por otros seis meses.",
        "Japón y Corea del Sur decidieron restablecer su cooperación en materia de defensa.",
        "El portavoz del ministerio se mostró muy preocupado por la situación en la región.",
        "Brasil y China cerraron varios contratos durante la visita del presidente a Pekín.",
        "La embajada volvió a abrir sus puertas tras siete años cerrada, informó el ministerio.",
        "Después de la reunión, ambas partes hablaron de un diálogo constructivo pero sin resultados.",
        "El gobierno convocó al embajador para exigir explicaciones por el incidente en la frontera.",
        "Es la primera vez desde el fin de la guerra que los dos líderes se reúnen en persona.",
        "Las Naciones Unidas advierten de una catástrofe humanitaria en la ciudad sitiada.",
        "Polonia recibirá un sistema de defensa aérea que será desplegado a lo largo de la frontera.",
        "La oposición criticó con dureza el tratado y anunció un recurso ante el Tribunal Constitucional.",
        "México llamó a consultas a su embajador en Perú por lo que considera una injerencia.",
        "Las conversaciones sobre la retirada de las tropas están estancadas, según varios diplomáticos.",
        "Irán y Arabia Saudí restablecieron sus relaciones diplomáticas tras siete años de ruptura.",
    ],
    "it": [
        "I ministri degli Esteri di Grecia e Francia hanno firmato martedì un accordo di difesa ad Atene.",
        "Secondo il governo, il cessate il fuoco tra i due paesi regge da domenica.",
        "Il presidente ha detto che l'Italia continuerà a sostenere l'Ucraina per tutto l'inverno.",
        "I negoziati su un nuovo accordo commerciale riprenderanno la prossima settimana a Ginevra.",
        "Il parlamento turco ha approvato l'adesione della Svezia alla NATO dopo mesi di stallo.",
        "Tre persone sono state uccise in un attacco contro un villaggio vicino al confine.",
        "L'Unione europea vuole prorogare le sanzioni contro la Russia per altri sei mesi.",
        "Il Giappone e la Corea del Sud hanno deciso di ripristinare la cooperazione nella difesa.",
        "Il portavoce del ministero si è detto molto preoccupato per la situazione nella regione.",
        "Il Brasile e la Cina hanno concluso diversi contratti durante la visita del presidente a Pechino.",
        "L'ambasciata ha riaperto le porte dopo sette anni di chiusura, ha annunciato il ministero.",
        "Dopo la riunione, le due parti hanno parlato di un dialogo costruttivo ma senza risultati.",
        "Il governo ha convocato l'ambasciatore per chiedere spiegazioni sull'incidente.",
        "È la prima volta dalla fine della guerra che i due leader si incontrano di persona.",
        "Le Nazioni Unite avvertono di una catastrofe umanitaria nella città assediata.",
        "La Polonia riceverà un sistema di difesa aerea che sarà schierato lungo il confine.",
        "L'opposizione ha criticato duramente il trattato e ha annunciato un ricorso alla Corte costituzionale.",
        "Il Messico ha richiamato il suo ambasciatore in Perù denunciando un'ingerenza negli affari interni.",
        "I colloqui sul ritiro delle truppe sono in una fase di stallo, secondo alcuni diplomatici.",
        "L'Iran e l'Arabia Saudita hanno ristabilito le relazioni diplomatiche dopo sette anni.",
    ],
    "pt": [
        "Os ministros das Relações Exteriores da Grécia e da França assinaram um acordo de defesa em Atenas.",
        "Segundo o governo, o cessar-fogo entre os dois países está sendo respeitado desde domingo.",
        "O presidente disse que o Brasil vai continuar a defender uma solução negociada para a guerra.",
        "As negociações sobre um novo acordo comercial serão retomadas na próxima semana em Genebra.",
        "O parlamento turco aprovou a adesão da Suécia à OTAN após meses de impasse.",
        "Três pessoas morreram num ataque contra uma aldeia perto da fronteira, segundo as autoridades.",
        "A União Europeia quer prorrogar as sanções contra a Rússia por mais seis meses.",
        "O Japão e a Coreia do Sul decidiram restabelecer a cooperação na área da defesa.",
        "O porta-voz do ministério disse estar muito preocupado com a situação na região.",
        "O Brasil e a China fecharam vários contratos durante a visita do presidente a Pequim.",
        "A embaixada voltou a abrir as portas depois de sete anos fechada, informou o ministério.",
        "Após a reunião, as duas partes falaram de um diálogo construtivo, mas sem resultados.",
        "O governo convocou o embaixador para pedir explicações sobre o incidente na fronteira.",
        "É a primeira vez desde o fim da guerra que os dois líderes se encontram pessoalmente.",
        "As Nações Unidas alertam para uma catástrofe humanitária na cidade sitiada.",
        "A Polônia vai receber um sistema de defesa aérea que será instalado ao longo da fronteira.",
        "A oposição criticou duramente o tratado e anunciou um recurso ao Supremo Tribunal.",
        "O México chamou de volta o seu embaixador no Peru, denunciando uma interferência.",
        "As conversas sobre a retirada das tropas estão paradas, segundo vários diplomatas.",
        "O Irã e a Arábia Saudita restabeleceram as relações diplomáticas após sete anos.",
    ],
    "nl": [
        "De ministers van Buitenlandse Zaken van Griekenland en Frankrijk hebben dinsdag een akkoord getekend.",
        "Volgens de regering wordt het staakt-het-vuren tussen de twee landen sinds zondag nageleefd.",
        "De premier zei dat Nederland Oekraïne ook de komende winter zal blijven steunen.",
        "De onderhandelingen over een nieuw handelsakkoord worden volgende week in Genève hervat.",
        "Het Turkse parlement heeft ingestemd met de toetreding van Zweden tot de NAVO.",
        "Bij een aanval op een dorp aan de grens zijn volgens de autoriteiten drie mensen gedood.",
        "De Europese Unie wil de sancties tegen Rusland met nog eens zes maanden verlengen.",
        "Japan en Zuid-Korea hebben besloten hun samenwerking op het gebied van defensie te herstellen.",
        "De woordvoerder van het ministerie zei zich grote zorgen te maken over de situatie.",
        "Brazilië en China hebben tijdens het bezoek van de president meerdere contracten gesloten.",
        "De ambassade is na zeven jaar weer geopend, zo heeft het ministerie bekendgemaakt.",
        "Na de bijeenkomst spraken beide partijen van een constructieve dialoog, maar zonder resultaat.",
        "De regering heeft de ambassadeur ontboden om uitleg te vragen over het incident.",
        "Het is de eerste keer sinds het einde van de oorlog dat de twee leiders elkaar ontmoeten.",
        "De Verenigde Naties waarschuwen voor een humanitaire ramp in de belegerde stad.",
        "Polen krijgt een systeem voor luchtverdediging dat langs de grens zal worden geplaatst.",
        "De oppositie had scherpe kritiek op het verdrag en kondigde een rechtszaak aan.",
        "Mexico heeft zijn ambassadeur uit Peru teruggeroepen vanwege wat het inmenging noemt.",
        "De gesprekken over de terugtrekking van de troepen zitten vast, aldus diplomaten.",
        "Iran en Saoedi-Arabië hebben hun diplomatieke betrekkingen na zeven jaar hersteld.",
    ],
    "sv": [
        "Utrikesministrarna från Grekland och Frankrike undertecknade på tisdagen ett avtal i Aten.",
        "Enligt regeringen har vapenvilan mellan de två länderna hållit sedan i söndags.",
        "Statsministern sa att Sverige kommer att fortsätta att stödja Ukraina under vintern.",
        "Förhandlingarna om ett nytt handelsavtal ska återupptas nästa vecka i Genève.",
        "Det turkiska parlamentet har godkänt Sveriges medlemskap i Nato efter månader av förhandlingar.",
        "Tre personer dödades vid en attack mot en by nära gränsen, enligt myndigheterna.",
        "EU vill förlänga sina sanktioner mot Ryssland med ytterligare sex månader.",
        "Japan och Sydkorea har beslutat att återuppta sitt samarbete inom försvaret.",
        "Ministeriets talesperson sa att man är mycket oroad över situationen i regionen.",
        "Brasilien och Kina slöt flera avtal under presidentens besök i Peking.",
        "Ambassaden har öppnat igen efter sju år, meddelade utrikesdepartementet.",
        "Efter mötet talade båda sidor om en konstruktiv dialog men utan något resultat.",
        "Regeringen har kallat upp ambassadören för att kräva en förklaring till händelsen.",
        "Det är första gången sedan kriget tog slut som de två ledarna träffas.",
        "FN varnar för en humanitär katastrof i den belägrade staden.",
        "Polen får ett system för luftförsvar som ska placeras längs gränsen.",
        "Oppositionen kritiserade avtalet hårt och sa att den ska gå till domstol.",
        "Mexiko har kallat hem sin ambassadör från Peru på grund av det som kallas inblandning.",
        "Samtalen om att dra tillbaka trupperna har kört fast, enligt diplomater.",
        "Iran och Saudiarabien har återupprättat sina diplomatiska förbindelser efter sju år.",
    ],
    "pl": [
        "Ministrowie spraw zagranicznych Grecji i Francji podpisali we wtorek w Atenach umowę obronną.",
        "Według rządu zawieszenie broni między oboma krajami jest przestrzegane od niedzieli.",
        "Premier powiedział, że Polska będzie nadal wspierać Ukrainę także tej zimy.",
        "Negocjacje w sprawie nowej umowy handlowej zostaną wznowione w przyszłym tygodniu.",
        "Turecki parlament zgodził się na przystąpienie Szwecji do NATO po wielu miesiącach sporu.",
        "W ataku na wieś przy granicy zginęły trzy osoby, jak podały władze.",
        "Unia Europejska chce przedłużyć sankcje wobec Rosji o kolejne sześć miesięcy.",
        "Japonia i Korea Południowa postanowiły przywrócić współpracę w dziedzinie obronności.",
        "Rzecznik ministerstwa powiedział, że jest bardzo zaniepokojony sytuacją w regionie.",
        "Brazylia i Chiny zawarły kilka umów podczas wizyty prezydenta w Pekinie.",
        "Ambasada została ponownie otwarta po siedmiu latach, poinformowało ministerstwo.",
        "Po spotkaniu obie strony mówiły o konstruktywnym dialogu, ale bez wyników.",
        "Rząd wezwał ambasadora, aby zażądać wyjaśnień w sprawie incydentu na granicy.",
        "To pierwszy raz od końca wojny, kiedy obaj przywódcy spotykają się osobiście.",
        "Organizacja Narodów Zjednoczonych ostrzega przed katastrofą humanitarną w oblężonym mieście.",
        "Polska otrzyma system obrony powietrznej, który zostanie rozmieszczony przy granicy.",
        "Opozycja ostro skrytykowała traktat i zapowiedziała skargę do Trybunału Konstytucyjnego.",
        "Meksyk odwołał swojego ambasadora z Peru z powodu tego, co nazwał ingerencją.",
        "Rozmowy o wycofaniu wojsk utknęły w martwym punkcie, jak twierdzą dyplomaci.",
        "Iran i Arabia Saudyjska przywróciły stosunki dyplomatyczne po siedmiu latach przerwy.",
    ],
    "tr": [
        "Yunanistan ve Fransa dışişleri bakanları salı günü Atina'da bir savunma anlaşması imzaladı.",
        "Hükümete göre iki ülke arasındaki ateşkes pazar gününden bu yana sürüyor.",
        "Cumhurbaşkanı, Türkiye'nin bu konuda arabulucu olarak rol oynamaya hazır olduğunu söyledi.",
        "Yeni bir ticaret anlaşması için müzakereler gelecek hafta Cenevre'de yeniden başlayacak.",
        "Türkiye Büyük Millet Meclisi, İsveç'in NATO üyeliğini aylar süren tartışmanın ardından onayladı.",
        "Yetkililere göre sınır yakınındaki bir köye düzenlenen saldırıda üç kişi hayatını kaybetti.",
        "Avrupa Birliği, Rusya'ya yönelik yaptırımları altı ay daha uzatmak istiyor.",
        "Japonya ve Güney Kore savunma alanında işbirliğini yeniden başlatma kararı aldı.",
        "Bakanlık sözcüsü bölgedeki durumdan çok endişe duyduklarını ifade etti.",
        "Brezilya ve Çin, devlet başkanının Pekin ziyareti sırasında birçok anlaşma imzaladı.",
        "Büyükelçilik yedi yıl sonra yeniden açıldı, bakanlık bu konuda bir açıklama yaptı.",
        "Toplantının ardından iki taraf da yapıcı bir diyalog olduğunu ama sonuç çıkmadığını söyledi.",
        "Hükümet olayla ilgili açıklama istemek için büyükelçiyi bakanlığa çağırdı.",
        "Savaşın sona ermesinden bu yana iki lider ilk kez bir araya geliyor.",
        "Birleşmiş Milletler kuşatma altındaki şehirde bir insani felaket yaşanabileceği uyarısında bulundu.",
        "Polonya, sınır boyunca konuşlandırılacak yeni bir hava savunma sistemi alacak.",
        "Muhalefet anlaşmayı sert bir dille eleştirdi ve mahkemeye başvuracağını açıkladı.",
        "Meksika, iç işlerine müdahale olarak gördüğü için Peru'daki büyükelçisini geri çağırdı.",
        "Diplomatlara göre askerlerin çekilmesi ile ilgili görüşmeler çıkmaza girdi.",
        "İran ve Suudi Arabistan yedi yıl aradan sonra diplomatik ilişkilerini yeniden kurdu.",
    ],
    "id": [
        "Menteri luar negeri Yunani dan Prancis menandatangani perjanjian pertahanan di Athena pada hari Selasa.",
        "Menurut pemerintah, gencatan senjata antara kedua negara itu masih berlaku sejak hari Minggu.",
        "Presiden mengatakan bahwa Indonesia akan terus mendukung upaya perdamaian di kawasan itu.",
        "Perundingan untuk perjanjian dagang yang baru akan dilanjutkan pada minggu depan di Jenewa.",
        "Parlemen Turki telah menyetujui keanggotaan Swedia di NATO setelah berbulan-bulan tertunda.",
        "Tiga orang tewas dalam serangan terhadap sebuah desa di dekat perbatasan, kata pejabat setempat.",
        "Uni Eropa ingin memperpanjang sanksi terhadap Rusia untuk enam bulan lagi.",
        "Jepang dan Korea Selatan sepakat untuk memulihkan kerja sama di bidang pertahanan.",
        "Juru bicara kementerian mengatakan pihaknya sangat prihatin dengan situasi di wilayah itu.",
        "Brasil dan China menandatangani sejumlah kontrak saat kunjungan presiden ke Beijing.",
        "Kedutaan itu telah dibuka kembali setelah tujuh tahun ditutup, menurut kementerian.",
        "Setelah pertemuan itu, kedua pihak menyebut dialog yang konstruktif tetapi tanpa hasil.",
        "Pemerintah memanggil duta besar untuk meminta penjelasan atas insiden di perbatasan.",
        "Ini adalah pertama kalinya sejak akhir perang bahwa kedua pemimpin itu bertemu langsung.",
        "Perserikatan Bangsa-Bangsa memperingatkan akan terjadinya bencana kemanusiaan di kota yang dikepung.",
        "Polandia akan menerima sistem pertahanan udara yang akan ditempatkan di sepanjang perbatasan.",
        "Pihak oposisi mengecam perjanjian itu dan akan mengajukan gugatan ke Mahkamah Konstitusi.",
        "Meksiko menarik duta besarnya dari Peru karena apa yang disebutnya sebagai campur tangan.",
        "Pembicaraan tentang penarikan pasukan itu menemui jalan buntu, kata para diplomat.",
        "Iran dan Arab Saudi telah memulihkan hubungan diplomatik mereka setelah tujuh tahun.",
    ],
    "ro": [
        "Miniștrii de externe ai Greciei și Franței au semnat marți la Atena un acord de apărare.",
        "Potrivit guvernului, încetarea focului dintre cele două țări este respectată de duminică.",
        "Președintele a declarat că România va continua să sprijine Ucraina și în această iarnă.",
        "Negocierile pentru un nou acord comercial vor fi reluate săptămâna viitoare la Geneva.",
        "Parlamentul turc a aprobat aderarea Suediei la NATO după luni de blocaj.",
        "Trei persoane au fost ucise într-un atac asupra unui sat de lângă graniță, potrivit autorităților.",
        "Uniunea Europeană vrea să prelungească sancțiunile împotriva Rusiei cu încă șase luni.",
        "Japonia și Coreea de Sud au decis să reia cooperarea în domeniul apărării.",
        "Purtătorul de cuvânt al ministerului s-a declarat foarte îngrijorat de situația din regiune.",
        "Brazilia și China au încheiat mai multe contracte în timpul vizitei președintelui la Beijing.",
        "Ambasada a fost redeschisă după șapte ani, a anunțat ministerul de externe.",
        "După întâlnire, cele două părți au vorbit despre un dialog constructiv, dar fără rezultate.",
        "Guvernul l-a convocat pe ambasador pentru a cere explicații despre incident.",
        "Este pentru prima dată de la sfârșitul războiului când cei doi lideri se întâlnesc.",
        "Națiunile Unite avertizează asupra unei catastrofe umanitare în orașul asediat.",
        "Polonia va primi un sistem de apărare aeriană care va fi amplasat de-a lungul graniței.",
        "Opoziția a criticat dur tratatul și a anunțat că se va adresa Curții Constituționale.",
        "Mexicul și-a rechemat ambasadorul din Peru din cauza a ceea ce numește o ingerință.",
        "Discuțiile despre retragerea trupelor au intrat într-un impas, potrivit diplomaților.",
        "Iranul și Arabia Saudită și-au restabilit relațiile diplomatice după șapte ani.",
    ],
}

SCRIPT_TEXTS = {
    "ru": [
        "Министры иностранных дел Греции и Франции подписали во вторник соглашение об обороне.",
        "По данным правительства, перемирие между двумя странами соблюдается с воскресенья.",
        "Переговоры о новом торговом соглашении возобновятся на следующей неделе в Женеве.",
        "Евросоюз хочет продлить санкции против России ещё на шесть месяцев.",
        "Представитель министерства заявил, что ситуация в регионе вызывает серьёзную тревогу.",
    ],
    "uk": [
        "Міністри закордонних справ Греції та Франції підписали у вівторок угоду про оборону.",
        "За даними уряду, перемир'я між двома країнами дотримується з неділі.",
        "Переговори про нову торговельну угоду відновляться наступного тижня в Женеві.",
        "Євросоюз хоче продовжити санкції проти Росії ще на шість місяців.",
        "Речник міністерства заявив, що ситуація в регіоні викликає серйозне занепокоєння.",
    ],
    "ar": [
        "وقع وزيرا خارجية اليونان وفرنسا اتفاقية دفاعية في أثينا يوم الثلاثاء.",
        "قالت الحكومة إن وقف إطلاق النار بين البلدين صامد منذ يوم الأحد.",
        "ستستأنف المفاوضات حول اتفاق تجاري جديد الأسبوع المقبل في جنيف.",
        "يريد الاتحاد الأوروبي تمديد العقوبات على روسيا لمدة ستة أشهر أخرى.",
        "أعربت وزارة الخارجية عن قلقها البالغ إزاء الوضع في المنطقة.",
    ],
    "fa": [
        "وزیران خارجه یونان و فرانسه روز سه‌شنبه در آتن یک توافق دفاعی امضا کردند.",
        "به گفته دولت، آتش‌بس میان دو کشور از روز یکشنبه برقرار است.",
        "گفتگوها درباره یک توافق تجاری جدید هفته آینده در ژنو از سر گرفته می‌شود.",
        "اتحادیه اروپا می‌خواهد تحریم‌ها علیه روسیه را شش ماه دیگر تمدید کند.",
        "سخنگوی وزارت خارجه گفت که از وضعیت منطقه بسیار نگران است.",
    ],
    "zh": [
        "希腊和法国外长周二在雅典签署了一项防务协议。",
        "政府表示，两国之间的停火自周日以来一直得到遵守。",
        "关于新贸易协定的谈判将于下周在日内瓦恢复。",
        "欧盟希望将对俄罗斯的制裁再延长六个月。",
        "外交部发言人表示，对该地区的局势深感担忧。",
    ],
    "ja": [
        "ギリシャとフランスの外相は火曜日、アテネで防衛協定に署名した。",
        "政府によると、両国間の停戦は日曜日から維持されている。",
        "新たな貿易協定をめぐる交渉は来週ジュネーブで再開される予定だ。",
        "欧州連合はロシアに対する制裁をさらに六か月延長したい考えだ。",
        "外務省の報道官は、地域の情勢を深く懸念していると述べた。",
    ],
    "ko": [
        "그리스와 프랑스 외무장관은 화요일 아테네에서 방위 협정에 서명했다.",
        "정부에 따르면 두 나라 사이의 휴전은 일요일부터 유지되고 있다.",
        "새로운 무역 협정에 관한 협상이 다음 주 제네바에서 재개된다.",
        "유럽연합은 러시아에 대한 제재를 6개월 더 연장하기를 원한다.",
        "외교부 대변인은 지역 상황에 대해 깊이 우려한다고 말했다.",
    ],
    "el": [
        "Οι υπουργοί Εξωτερικών της Ελλάδας και της Γαλλίας υπέγραψαν την Τρίτη αμυντική συμφωνία.",
        "Σύμφωνα με την κυβέρνηση, η εκεχειρία μεταξύ των δύο χωρών τηρείται από την Κυριακή.",
        "Οι διαπραγματεύσεις για μια νέα εμπορική συμφωνία θα συνεχιστούν την επόμενη εβδομάδα.",
        "Η Ευρωπαϊκή Ένωση θέλει να παρατείνει τις κυρώσεις κατά της Ρωσίας για έξι μήνες.",
        "Ο εκπρόσωπος του υπουργείου δήλωσε ότι η κατάσταση στην περιοχή προκαλεί ανησυχία.",
    ],
    "he": [
        "שרי החוץ של יוון וצרפת חתמו ביום שלישי על הסכם הגנה באתונה.",
        "לדברי הממשלה, הפסקת האש בין שתי המדינות נשמרת מאז יום ראשון.",
        "המשא ומתן על הסכם סחר חדש יתחדש בשבוע הבא בז'נבה.",
        "האיחוד האירופי רוצה להאריך את הסנקציות על רוסיה בשישה חודשים נוספים.",
        "דובר משרד החוץ אמר כי המצב באזור מעורר דאגה רבה.",
    ],
    "hi": [
        "यूनान और फ्रांस के विदेश मंत्रियों ने मंगलवार को एथेंस में एक रक्षा समझौते पर हस्ताक्षर किए।",
        "सरकार के अनुसार दोनों देशों के बीच संघर्ष विराम रविवार से लागू है।",
        "नए व्यापार समझौते पर बातचीत अगले सप्ताह जिनेवा में फिर से शुरू होगी।",
        "यूरोपीय संघ रूस पर प्रतिबंधों को छह महीने और बढ़ाना चाहता है।",
        "मंत्रालय के प्रवक्ता ने कहा कि क्षेत्र की स्थिति को लेकर गहरी चिंता है।",
    ],
    "th": [
        "รัฐมนตรีต่างประเทศของกรีซและฝรั่งเศสลงนามข้อตกลงด้านกลาโหมที่กรุงเอเธนส์เมื่อวันอังคาร",
        "รัฐบาลระบุว่าการหยุดยิงระหว่างสองประเทศยังคงมีผลตั้งแต่วันอาทิตย์",
        "การเจรจาข้อตกลงการค้าฉบับใหม่จะเริ่มขึ้นอีกครั้งในสัปดาห์หน้าที่เจนีวา",
        "สหภาพยุโรปต้องการขยายมาตรการคว่ำบาตรรัสเซียออกไปอีกหกเดือน",
        "โฆษกกระทรวงการต่างประเทศกล่าวว่ามีความกังวลอย่างยิ่งต่อสถานการณ์ในภูมิภาค",
    ],
}


@pytest.mark.parametrize(("language", "text"), [
    pytest.param(lang, text, id=f"{lang}-{i}")
    for table in (LANG_TEXTS, SCRIPT_TEXTS) for lang, texts in table.items()
    for i, text in enumerate(texts)
])
def test_language_is_detected(language: str, text: str) -> None:
    found, confidence = detect_language(text)
    assert found == language, (found, confidence)
    assert 0.0 < confidence <= 1.0


def test_every_latin_language_has_twenty_texts() -> None:
    assert min(len(texts) for texts in LANG_TEXTS.values()) >= 20 and len(LANG_TEXTS) == 12
    assert set(LANG_TEXTS) | set(SCRIPT_TEXTS) <= set(LANGUAGES)


@pytest.mark.parametrize("text", [
    "",
    "Greece and France signed a pact.",  # too few votes to tell: unknown, so coded
    "NATO, EU, UN, OSCE",
    "12345 67890 !!! ???",
    "Erdoğan and Kılıçdaroğlu met Şahin in Ankara.",  # names do not vote
    "中国",
])
def test_too_little_to_tell_is_unknown_and_coded(text: str) -> None:
    language, _ = detect_language(text)
    assert language in (None, "en")
    assert is_english(language)


def test_long_english_article_with_foreign_names_is_english() -> None:
    text = (EXAMPLES / "greece_france_defence_pact.txt").read_text()
    names = " ".join(["Kyriakos Mitsotakis, Nikos Dendias, Jean-Yves Le Drian, Łukasz "
                      "Kamiński, Recep Tayyip Erdoğan, São Tomé e Príncipe."] * 3)
    assert detect_language(f"{names}\n\n{text}")[0] == "en"


class _NoNlp:
    """Stands in for spaCy: any document that reaches it was wrongly let through."""

    def parse_many(self, triples):
        triples = list(triples)
        assert not triples, f"non-English text was parsed: {triples}"
        return []


def test_non_english_documents_are_kept_with_a_failure_and_never_parsed() -> None:
    extractor = Extractor.__new__(Extractor)  # no model: nothing may be parsed
    extractor.nlp = _NoNlp()
    docs = [read_text(LANG_TEXTS["de"][0] + " " + LANG_TEXTS["de"][1], doc_id="de-1"),
            read_text(SCRIPT_TEXTS["ru"][0], doc_id="ru-1")]
    out = list(extractor.iter_records(docs))
    assert [(r.document.doc_id, r.document.language) for r in out] == [("de-1", "de"),
                                                                       ("ru-1", "ru")]
    for r in out:
        assert (r.events, r.agreements, r.relations, r.actors) == ([], [], [], [])
        [failure] = r.failures
        assert (failure.stage, failure.code, failure.doc_id) == ("language", NOT_ENGLISH,
                                                                 r.document.doc_id)
        assert "not English" in failure.message and "\n" not in failure.message


@pytest.mark.slow
def test_real_pipeline_codes_english_and_not_german(extractor) -> None:
    english = read_text(ARTICLE, doc_id="en-1")
    german = read_text("ATHEN, 28. Sept. (dyad) - Griechenland und Frankreich haben am "
                       "Dienstag ein Verteidigungsabkommen unterzeichnet, teilten die beiden "
                       "Regierungen nach Gesprächen in Athen mit.", doc_id="de-1")
    by_id = {r.document.doc_id: r for r in extractor.iter_records([german, english])}
    assert by_id["en-1"].document.language == "en" and by_id["en-1"].events
    assert by_id["de-1"].document.language == "de"
    assert not by_id["de-1"].events and not by_id["de-1"].agreements
    assert [f.code for f in by_id["de-1"].failures] == [NOT_ENGLISH]


# --- bad files: each gives a failure (or a clean document) and the run goes on ---------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256))
CP1252 = "Officials in Genève said the “talks” were a success – café diplomacy."


@pytest.mark.parametrize(("name", "data", "expected"), [
    pytest.param("a.txt", b"", [EMPTY], id="empty-txt"),
    pytest.param("a.jsonl", b"", [EMPTY], id="empty-jsonl"),
    pytest.param("a.jsonl", b"\n \n\t\n", [EMPTY], id="blank-jsonl"),
    pytest.param("a.csv", b"", [EMPTY], id="empty-csv"),
    pytest.param("a.html", b"", [EMPTY], id="empty-html"),
    pytest.param("a.txt", PNG, [BINARY], id="binary-txt"),
    pytest.param("a.jsonl", PNG, [BINARY], id="binary-jsonl"),
    pytest.param("a.csv", PNG, [BINARY], id="binary-csv"),
    pytest.param("a.html", PNG, [BINARY], id="binary-html"),
    pytest.param("a.txt", ARTICLE.encode() + b"\x00\x00" + ARTICLE.encode(), [BINARY],
                 id="nul-in-txt"),
    pytest.param("a.html", f"<html><body><p>{ARTICLE}\x00</p></body></html>".encode(),
                 [BINARY], id="nul-in-html"),
    pytest.param("a.csv", f"title,text\nOne,{ARTICLE}\x00\n".encode(), [BINARY],
                 id="nul-in-csv"),
    pytest.param("a.jsonl", (json.dumps({"text": ARTICLE}) + "\n").encode()
                 + b'{"text": "nul \x00 raw"}\n' + (json.dumps({"text": "Next."}) + "\n").encode(),
                 ["doc", MALFORMED, "doc"], id="raw-nul-in-jsonl-line"),
    pytest.param("a.jsonl", b'{"text": "escaped \\u0000 nul is text"}\n', ["doc"],
                 id="escaped-nul-in-jsonl"),
    pytest.param("a.jsonl", b'{"text": "lone \\ud800 surrogate"}\n{"text": "Fine."}\n',
                 [ENCODING, "doc"], id="lone-surrogate-jsonl"),
    pytest.param("a.jsonl", (json.dumps({"text": ARTICLE}) + "\n").encode()
                 + b'{"text": "caf\xe9 in Gen\xe8ve"}\n' + (json.dumps({"text": "Next."}) + "\n").encode(),
                 ["doc", ENCODING, "doc"], id="mixed-encoding-jsonl"),
    pytest.param("a.jsonl", b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n",
                 [MALFORMED], id="deeply-nested-json"),
    pytest.param("a.csv", b"title,date\nOne,2021-01-01\n", [NO_TEXT], id="csv-no-text-column"),
    pytest.param("a.csv", b'title,text\nOne,"unclosed quote\n', ["doc"], id="csv-unclosed-quote"),
    pytest.param("a.txt", CP1252.encode("cp1252"), ["doc"], id="cp1252-txt"),
    pytest.param("a.txt", b"\xff\xfe\xfd\xfc\xfb invalid \xc3\x28 utf-8 \x81\x8d", [ENCODING],
                 id="invalid-utf8-txt"),
    pytest.param("a.txt", "Talks in Zürich – “progress”. ".encode() + CP1252.encode("cp1252"),
                 [ENCODING], id="mixed-utf8-cp1252-undecodable"),
])
def test_bad_file_fails_alone(tmp_path: Path, name: str, data: bytes, expected: list[str]) -> None:
    bad, good = tmp_path / name, tmp_path / "zz-good.txt"
    bad.write_bytes(data)
    good.write_text(ARTICLE)
    items = read_all(tmp_path)
    assert codes(items) == [*expected, "doc"]
    assert items[-1].text == ARTICLE  # the run went on to the next file
    for item in items:
        if isinstance(item, Failure):
            assert item.path == str(bad) and item.stage == "ingest"
            assert str(bad) in item.message and "\n" not in item.message
        else:
            assert item.text.strip() and item.text.encode("utf-8")


def test_mixed_encodings_in_one_text_file_are_read_as_one(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("Talks in Zürich. ".encode() + CP1252.encode("cp1252"))
    [doc] = read_all(path)
    assert isinstance(doc, Document)
    # one single-byte codec is chosen for the whole file: some characters come out wrong,
    # but the text is whole, valid and the offsets are into what is stored
    assert doc.text.startswith("Talks in Z") and doc.text.endswith("diplomacy.")
    assert len(doc.text) == len(path.read_bytes())  # one character per byte


# --- size limits: a runaway line is refused without being held -------------------------

def test_single_line_text_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 3 GB on paper, nothing on disk
        handle.truncate(3 * 2**30)
    [failure] = read_all(path)
    assert failure.code == TOO_LARGE and "3072.0 MB" in failure.message


@pytest.mark.parametrize(("name", "module", "limit", "write"), [
    pytest.param("a.txt", text_module, "MAX_DOCUMENT_BYTES",
                 lambda big: big, id="txt"),
    pytest.param("a.html", pages_module, "MAX_DOCUMENT_BYTES",
                 lambda big: f"<html><body><p>{big}</p></body></html>", id="html"),
    pytest.param("a.csv", tabular_module, "MAX_FIELD_CHARS",
                 lambda big: f"text\n{ARTICLE}\n{big}\n{ARTICLE}\n", id="csv"),
])
def test_long_line_over_the_limit_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        name: str, module, limit: str, write) -> None:
    monkeypatch.setattr(module, limit, 1000)
    path = tmp_path / name
    path.write_text(write("word " * 2000))
    items = read_all(path)
    assert codes(items)[-1] == TOO_LARGE
    assert all(isinstance(i, Document) for i in items[:-1])


def test_jsonl_long_line_is_skipped_in_bounded_memory(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonl_module, "MAX_LINE_BYTES", 64 * 1024)
    monkeypatch.setattr(jsonl_module, "_SKIP_CHUNK", 16 * 1024)
    path = tmp_path / "feed.jsonl"
    with path.open("w") as out:
        out.write(json.dumps({"text": ARTICLE}) + "\n")
        out.write('{"text": "' + "word " * 4_000_000 + '"}\n')  # a 20 MB line
        out.write(json.dumps({"text": "After the long line."}) + "\n")
    tracemalloc.start()
    try:
        items = read_all(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert codes(items) == ["doc", TOO_LARGE, "doc"]
    assert "line 2" in items[1].message
    assert peak < 2 * 2**20, f"peak {peak / 2**20:.1f} MB: the long line was held"


def test_one_large_article_is_read_in_a_few_times_its_size(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    text = "word " * 400_000  # 2 MB, under the line limit: read as a document
    path.write_text(json.dumps({"text": text}) + "\n")
    tracemalloc.start()
    try:
        [doc] = read_all(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert isinstance(doc, Document) and doc.words == 400_000
    assert peak < 8 * len(text), f"peak {peak / len(text):.1f} times the text"


@pytest.mark.slow
def test_million_line_jsonl_counts_exactly(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    broken = {17, 4_096, 250_000, 999_999}
    with path.open("w") as out:
        for i in range(10**6):
            out.write('{"text": "broken\n' if i in broken
                      else f'{{"id": "w{i}", "text": "Item {i}: Greece and France met."}}\n')
    documents = failures = 0
    lines = []
    for item in read_paths([path]):
        if isinstance(item, Document):
            documents += 1
        else:
            failures += 1
            lines.append(int(item.message.split(" line ")[1].split()[0]))
    assert (documents, failures) == (10**6 - len(broken), len(broken))
    assert lines == sorted(i + 1 for i in broken)


# --- HTML: nothing fetched, no script text, pathological markup ------------------------

HOSTILE = """<html><head><title>Pact</title>
<link rel="stylesheet" href="http://198.51.100.7/s.css">
<script src="http://198.51.100.7/x.js"></script>
<script>document.write("SCRIPT-TEXT"); fetch("http://198.51.100.7/beacon");</script>
<style>body { background: url(http://198.51.100.7/bg.png) } .x:after{content:"STYLE-TEXT"}</style>
</head><body>
<iframe src="http://198.51.100.7/frame">IFRAME-TEXT</iframe>
<img src="http://198.51.100.7/pixel.png" onerror="alert('ONERROR-TEXT')">
<article><h1>Greece and France sign a pact</h1>
<p>ATHENS, Sept 28 (dyad) - Greece and France signed a defence pact on Tuesday, the two
governments said in a joint statement after talks in Athens.</p>
<script>var s = "INLINE-SCRIPT-TEXT";</script>
<noscript>NOSCRIPT-TEXT: please enable JavaScript</noscript>
<p>The agreement includes a mutual assistance clause and the purchase of three frigates,
officials said.</p>
<object data="http://198.51.100.7/o.swf">OBJECT-TEXT</object>
<template>TEMPLATE-TEXT</template>
</article></body></html>"""


def test_hostile_html_fetches_nothing_and_keeps_no_script_text(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network is blocked in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    path = tmp_path / "page.html"
    path.write_text(HOSTILE)
    [doc] = read_all(path)
    assert isinstance(doc, Document), doc
    assert "mutual assistance clause" in doc.text and "defence pact" in doc.text
    for needle in ("SCRIPT-TEXT", "STYLE-TEXT", "IFRAME-TEXT", "ONERROR", "NOSCRIPT",
                   "OBJECT-TEXT", "TEMPLATE-TEXT", "198.51.100.7", "document.write"):
        assert needle not in doc.text, needle
    assert attempts == []


_NESTED_PROBE = """
import sys
from pathlib import Path
from dyad.ingest import read_paths
folder = Path(sys.argv[1])
(folder / "divs.html").write_text("<html><body>" + "<div>" * 100_000 + "<p>Deep text here.</p>"
                                  + "</div>" * 100_000 + "</body></html>")
(folder / "unclosed.html").write_text("<html><body>" + "<div><span><b>" * 50_000 + "x")
(folder / "tables.html").write_text("<table><tr><td>" * 30_000)
(folder / "zz.txt").write_text("Greece and France met.")
for item in read_paths([folder]):
    print(type(item).__name__, getattr(item, "code", "-"))
"""


def test_deeply_nested_html_does_not_crash_the_process(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-c", _NESTED_PROBE, str(tmp_path)],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]  # a C stack overflow would kill it
    lines = proc.stdout.splitlines()
    assert len(lines) == 4 and lines[-1] == "Document -", lines
    for line in lines[:3]:
        kind, code = line.split()
        assert kind == "Document" or code in (NO_TEXT, MALFORMED), line


# --- crash safety and one writer: the real `dyad ingest` in subprocesses -----------------

CORPUS_DOCUMENTS = 60
KILLS = 3
KILL_SEED = 7


def write_corpus(folder: Path, n: int = CORPUS_DOCUMENTS) -> set[str]:
    """``n`` varied articles made from the examples, plus files that fail or are not
    English; returns the ids of every document the corpus holds."""
    bases = [d for d in read_paths([EXAMPLES]) if isinstance(d, Document)]
    folder.mkdir()
    for i in range(n):
        base = bases[i % len(bases)]
        (folder / f"doc{i:03d}.txt").write_text(
            f"{base.title or 'Report'} ({i})\nDate: 2023-{1 + i % 12:02d}-{1 + i % 28:02d}\n\n"
            f"{base.text}\n\nIn a statement on day {i}, officials said talks would resume.\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(PNG)
    (folder / "sheet.csv").write_text("title,date\nNo text,2023-01-01\n")
    (folder / "wire.jsonl").write_text(
        json.dumps({"id": "w-1", "text": ARTICLE}) + "\n{broken\n"
        + json.dumps({"id": "w-de", "text": " ".join(LANG_TEXTS["de"][:3])}) + "\n"
        + json.dumps({"id": "w-fr", "text": " ".join(LANG_TEXTS["fr"][:3])}) + "\n")
    return {d.doc_id for d in read_paths([folder]) if isinstance(d, Document)}


def ingest_command(corpus: Path, db: Path, workers: int = 1) -> list[str]:
    return [*DYAD, "ingest", str(corpus), "--db", str(db), "--quiet", "--workers", str(workers)]


def table_rows(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table but ``meta`` (which holds the creation time), sorted."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [n for (n,) in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
            "ORDER BY table_name").fetchall() if n != "meta"]
        return {n: sorted(con.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr)
                for n in names}
    finally:
        con.close()


def stored_doc_ids(db: Path) -> list[str]:
    if not db.exists():
        return []
    con = duckdb.connect(str(db), read_only=True)
    try:
        return [r[0] for r in con.execute('SELECT "doc_id" FROM "documents"').fetchall()]
    finally:
        con.close()


COMMIT_GAP = 0.2
"""Growths of the write-ahead log closer than this are one commit written in parts."""


def wait_for_commits(proc: subprocess.Popen, db: Path, commits: int) -> list[float]:
    """Watch the store's write-ahead log until it has grown ``commits`` times after the
    store was created (each batch commit appends to it); the times it grew, from its
    creation. Returns early, with fewer times, when the process ends."""
    wal = db.with_name(db.name + ".wal")
    last = 0
    times: list[float] = []
    while proc.poll() is None and len(times) <= commits:
        try:
            size = wal.stat().st_size
        except FileNotFoundError:
            size = 0
        if size > last:
            now = time.monotonic()
            if not times or now - times[-1] > COMMIT_GAP:
                times.append(now)
            last = size
        time.sleep(0.005)
    return [x - times[0] for x in times] if times else []


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    """An uninterrupted ingest of the corpus: the reference every other run must match,
    and the times of its batch commits, which place the kills of the crash test."""
    root = tmp_path_factory.mktemp("reliability")
    corpus = root / "corpus"
    expected = write_corpus(corpus)
    db = root / "reference.duckdb"
    proc = subprocess.Popen(ingest_command(corpus, db), cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    commits = wait_for_commits(proc, db, commits=10**6)  # until the process ends
    _, stderr = proc.communicate()
    assert proc.returncode == 0, stderr[-3000:]
    assert len(commits) >= 3, f"expected a create and two batch commits, saw {commits}"
    return {"root": root, "corpus": corpus, "db": db, "expected": expected,
            "commits": commits, "stderr": stderr}


@pytest.mark.slow
def test_reference_run_stores_every_document_once(corpus_run) -> None:
    ids = stored_doc_ids(corpus_run["db"])
    assert len(ids) == len(set(ids)) and set(ids) == corpus_run["expected"]
    rows = table_rows(corpus_run["db"])
    assert rows["events"] and rows["actors"] and rows["failures"]
    con = duckdb.connect(str(corpus_run["db"]), read_only=True)
    try:
        languages = dict(con.execute('SELECT "doc_id", "language" FROM "documents" '
                                     "WHERE \"doc_id\" LIKE 'w-%'").fetchall())
        coded = {r[0] for r in con.execute('SELECT DISTINCT "doc_id" FROM "events"').fetchall()}
        gated = {r[0] for r in con.execute('SELECT "doc_id" FROM "failures" WHERE "code" = ?',
                                           [NOT_ENGLISH]).fetchall()}
    finally:
        con.close()
    assert languages == {"w-1": "en", "w-de": "de", "w-fr": "fr"}
    assert gated == {"w-de", "w-fr"} and not gated & coded and "w-1" in coded
    # the CLI reported each bad input on one line of its own
    for needle in ("empty.txt", "image.txt", "sheet.csv", "wire.jsonl line 2"):
        assert needle in corpus_run["stderr"], needle


def start_and_kill(command: list[str], db: Path, commits: int, delay: float) -> bool:
    """Start ``command`` and SIGKILL its process group ``delay`` seconds after the store
    saw ``commits`` batch commits (0: after it was created); False when it ended first."""
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    wait_for_commits(proc, db, commits)
    time.sleep(delay)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)  # the whole group, workers included
    killed = proc.wait() == -signal.SIGKILL
    wait_until_gone(proc.pid)
    return killed


def wait_until_gone(group: int, timeout: float = 30.0) -> None:
    """The parent is reaped first; its children (workers, the store's writer) may hold the
    store's lock a moment longer."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.01)


def kill_plan(commit_times: list[float], kills: int, seed: int) -> list[tuple[int, float]]:
    """(commits to wait for, then seconds) per kill: in turn during the first batch,
    during a later one and during the final checkpoint, at a seeded point of each."""
    rng = random.Random(seed)
    gaps = [b - a for a, b in zip(commit_times, commit_times[1:])] + [1.0]
    plan = []
    for k in range(kills):
        after = k % len(gaps)
        plan.append((after, rng.uniform(0.0, 0.9) * gaps[after]))
    return plan


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_killed_ingest_rerun_matches_an_uninterrupted_run(corpus_run, workers) -> None:
    """With two workers the writes go to a writer process (``dyad.store.writer``): a kill
    takes the parent, the workers and the writer down together. Both batches are extracted
    at once then, so their commits come close together: one kill lands while the workers
    extract, one as soon as the first batch is committed."""
    reference = table_rows(corpus_run["db"])
    partial = []
    plan = kill_plan(corpus_run["commits"], KILLS, KILL_SEED) if workers == 1 else \
        [(0, 1.0), (1, 0.0)]
    for k, (after, delay) in enumerate(plan):
        db = corpus_run["root"] / f"killed-{workers}-{k}.duckdb"
        command = ingest_command(corpus_run["corpus"], db, workers)
        while not start_and_kill(command, db, after, delay):  # it ended first: kill sooner
            for leftover in (db, db.with_name(db.name + ".wal")):
                leftover.unlink(missing_ok=True)
            delay /= 2
        partial.append(len(stored_doc_ids(db)))
        rerun = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
        assert rerun.returncode == 0, rerun.stderr[-3000:]
        ids = stored_doc_ids(db)
        assert len(ids) == len(set(ids)) and set(ids) == corpus_run["expected"]
        rows = table_rows(db)
        for table, expected in reference.items():
            assert rows[table] == expected, f"kill {k} ({after}, {delay:.2f}s): {table} differs"
    # at least one kill landed after a batch was committed, not only before the first
    assert any(0 < n < len(corpus_run["expected"]) for n in partial), partial


@pytest.mark.slow
def test_second_writer_is_refused_and_the_store_stays_whole(corpus_run) -> None:
    db = corpus_run["root"] / "two-writers.duckdb"
    first = subprocess.Popen(ingest_command(corpus_run["corpus"], db), cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    while not db.exists() and first.poll() is None:
        time.sleep(0.01)
    second = subprocess.run(ingest_command(corpus_run["corpus"], db), cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    first_out, first_err = first.communicate(timeout=600)
    assert first.returncode == 0, first_err[-3000:]
    assert second.returncode == 1
    [line] = second.stderr.splitlines()
    assert line.startswith("dyad: D400 ") and "in use by another dyad process" in line
    assert "Traceback" not in second.stderr
    assert table_rows(db) == table_rows(corpus_run["db"])
