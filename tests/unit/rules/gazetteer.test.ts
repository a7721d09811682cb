// The default gazetteer (config/) read on tricky sentences: abbreviations, groups, homonyms, scripts.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../../src/config/load.ts';
import { compileMatcher, type Matcher } from '../../../src/rules/compile.ts';
import { matchArticle } from '../../../src/rules/match.ts';
import { tokenize } from '../../../src/rules/normalise.ts';
import type { RegionSpec } from '../../../src/rules/types.ts';

let matcher: Matcher;
let matcherRegions: RegionSpec[];

beforeAll(async () => {
  const config = await loadConfig('config');
  matcherRegions = config.regions;
  matcher = compileMatcher({ rules: [], regions: config.regions });
});

/** The regions a text names, roll-up included, as ids. */
function regionsOf(text: string): string[] {
  return matchArticle(matcher, { text }).regions.map((region) => region.id);
}

describe('gazetteer/aliases.yaml', () => {
  it('names its place with every alias it ships', () => {
    const { aliases } = parse(readFileSync('gazetteer/aliases.yaml', 'utf8')) as {
      aliases: Record<string, string[]>;
    };
    for (const [id, names] of Object.entries(aliases)) {
      for (const name of names) {
        expect(regionsOf(`News from ${name} today.`), `${name} → ${id}`).toContain(id);
      }
    }
  });
});

describe('abbreviations', () => {
  it('reads a dotted abbreviation as one word without its dots', () => {
    const words = (text: string) => tokenize(text).map((token) => token.cased);
    expect(words('U.S. forces')).toEqual(['US', 'forces']);
    expect(words('the U.A.E., Ky.')).toEqual(['the', 'UAE', 'Ky']);
    expect(words('U.S.A')).toEqual(['USA']);
    expect(words('A. Smith, 1.5 km, e.g. x A.B.com')).toEqual([
      'A',
      'Smith',
      '1',
      '5',
      'km',
      'e',
      'g',
      'x',
      'A',
      'B',
      'com',
    ]);
    expect(tokenize('in the U.S.')[2]).toMatchObject({ folded: 'us', start: 7, end: 11 });
  });

  it.each([
    ['U.S. forces struck a base.', 'united-states'],
    ['Talks between the US and Iran.', 'united-states'],
    ['Made in the U.S.A. last year.', 'united-states'],
    ['The U.K. government said.', 'united-kingdom'],
    ['The UK government said.', 'united-kingdom'],
    ['The U.A.E. said on Monday.', 'united-arab-emirates'],
    ['A court in Louisville, Ky., ruled.', 'kentucky'],
    ['Fires near Los Angeles, Calif., spread.', 'california'],
  ])('%s → %s', (text, region) => {
    expect(regionsOf(text)).toContain(region);
  });

  it.each([
    ['Tell us what you think.'],
    ['Join us in the u.s.a. of the mind.'],
    ['In lower case ky and calif are no abbreviations.'],
    ['The human costs of measles.'],
    ['Concertgoers torn between the show and the game.'],
  ])('%s names no place', (text) => {
    expect(regionsOf(text)).toEqual([]);
  });
});

describe('groups', () => {
  it.each([
    ['Une frappe de drone à Djibo a fait dix morts.', ['burkina-faso', 'sahel', 'africa']],
    ['Attaque à Ménaka', ['mali', 'sahel', 'africa']],
    ['Boko Haram frappe dans le Borno', ['nigeria', 'lake-chad-basin', 'africa']],
    ['Strikes near Aleppo', ['syria', 'levant', 'middle-east', 'asia']],
    ['Tensions au Maghreb', ['maghreb']],
    ['Un attentat en Tchétchénie', ['russia', 'north-caucasus', 'caucasus']],
  ])('%s → %j', (text, expected) => {
    expect(regionsOf(text)).toEqual(expect.arrayContaining(expected));
  });

  it('matches a rule on a group through any member, and keeps groups out of countries', () => {
    const config = compileMatcher({
      rules: [
        { id: 'sahel', severity: 'high', match: { any: ['drone'] }, regions: ['sahel'] },
        { id: 'any', severity: 'high', match: { any: ['drone'] } },
      ],
      regions: matcherRegions,
    });
    const rules = matchArticle(config, { text: 'Une frappe de drone à Djibo.' }).rules;
    expect(rules.map((rule) => [rule.id, rule.regions])).toEqual([
      ['sahel', ['sahel']],
      ['any', ['burkina-faso']],
    ]);
    const elsewhere = matchArticle(config, { text: 'Une frappe de drone à Mossoul.' }).rules;
    expect(elsewhere.map((rule) => rule.id)).toEqual(['any']);
  });
});

describe('depth', () => {
  it.each([
    ['Переворот в Мали', 'mali'],
    ['Floods in Texas and Ohio', 'texas'],
    ['Floods in Texas and Ohio', 'ohio'],
    ['A fire in Ontario', 'ontario'],
    ['Manifestation à Toulouse', 'france'],
    ['Explosion in Kano', 'nigeria'],
    ['Взрыв в Новосибирске? Новосибирск.', 'russia'],
    // Divisions' French, English, Russian and Arabic names (iso3166-2-db).
    ['Des inondations en Nouvelle-Galles du Sud.', 'new-south-wales'],
    ['Élections en Basse-Saxe.', 'niedersachsen'],
    ['Floods in Lower Saxony.', 'niedersachsen'],
    ['Le gouvernement de Rhénanie-du-Nord-Westphalie a démissionné.', 'nordrhein-westfalen'],
    ['Un ouragan frappe la Caroline du Nord.', 'north-carolina'],
    ['Incendies dans les Pouilles.', 'puglia'],
    ['Moscou a répondu.', 'russia'],
    // Cities' Latin spellings close to GeoNames' name (the French Sotchi for Sochi).
    ['Les Jeux de Sotchi ont coûté cher.', 'sochi'],
  ])('%s → %s', (text, region) => {
    expect(regionsOf(text)).toContain(region);
  });
});

// Same-name places (issue 14): the generated place in another country is a second reading that
// needs support; the curated, larger place stays the name's default reading.
describe('homonyms of curated places', () => {
  it.each([
    ['A fire in London, Ontario, destroyed a warehouse.', ['canada', 'ontario', 'london-ca']],
    ['Protests in Alexandria, Virginia, on Sunday.', ['united-states', 'alexandria-us']],
    ['London police said two men were arrested.', ['united-kingdom', 'london']],
    ['Alexandria and Cairo were hit by floods.', ['egypt', 'alexandria']],
  ])('%s → %j', (text, expected) => {
    expect(regionsOf(text)).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    ['A fire in London, Ontario, destroyed a warehouse.', ['united-kingdom', 'london']],
    ['Protests in Alexandria, Virginia, on Sunday.', ['egypt']],
    ['London police said two men were arrested.', ['canada', 'london-ca']],
    ['Alexandria and Cairo were hit by floods.', ['united-states', 'alexandria-us']],
  ])('%s does not name %j', (text, unexpected) => {
    const found = regionsOf(text);
    for (const id of unexpected) expect(found).not.toContain(id);
  });
});

// Disambiguation that reads context (issue 14 part 2): src/rules/disambiguate.ts.
function regionsIn(m: Matcher, text: string): string[] {
  return matchArticle(m, { text }).regions.map((region) => region.id);
}

/** [text, regions it must name, regions it must not]. */
const TABLE: [string, string[], string[]][] = [
  ['The festival in Paris, Texas, drew thousands.', ['united-states', 'texas'], ['france']],
  ['Paris police said two men were arrested.', ['france'], ['united-states']],
  ['La Géorgie accuse la Russie de provocations.', ['georgia', 'russia'], ['united-states']],
  ["Georgia's governor signed the bill.", ['united-states', 'georgia-us'], ['georgia']],
  ['The governor of Georgia vetoed it.', ['united-states'], ['georgia']],
  ['Atlanta, Georgia, was hit by storms.', ['united-states', 'georgia-us'], ['georgia']],
  ['Georgia and Russia fought a war in 2008.', ['georgia', 'russia'], ['united-states']],
  ['Georgia and the United States signed a pact.', ['georgia', 'united-states'], ['georgia-us']],
  ['Le gouverneur de Géorgie a signé la loi.', ['united-states'], ['georgia']],
  ["La Géorgie et l'Arménie ont rouvert la frontière.", ['georgia', 'armenia'], ['united-states']],
  ["Un incendie à London, dans l'Ontario.", ['canada'], ['united-kingdom']],
  ['Le festival de Paris, au Texas, a eu lieu.', ['united-states', 'texas'], ['france']],
  ['Floods hit New South Wales again.', ['australia', 'new-south-wales'], ['united-kingdom']],
  ['U.S. forces struck a depot.', ['united-states'], []],
  ['Les forces américaines ont frappé un dépôt.', ['united-states'], []],
  ['Une attaque à Djibo a fait dix morts.', ['burkina-faso', 'sahel'], []],
  // "à" confirms a name needing context, not beside a reading that needs none: the Strip.
  ['À Gaza, les hôpitaux manquent de carburant.', ['palestine', 'gaza-strip'], ['mozambique']],
  ['Мали и Нигер.', ['mali', 'niger'], []],
  ["Selon l'Agence France-Presse, le bilan s'alourdit à Ménaka.", ['mali'], ['france']],
  ['Jordan Henderson scored twice for Liverpool.', [], ['jordan', 'united-states']],
  ['King Abdullah of Jordan met the envoy.', ['jordan'], []],
  ['Chad Smith, the drummer, cancelled the tour.', [], ['chad']],
  ['Le Tchad a fermé sa frontière avec le Soudan.', ['chad', 'sudan'], []],
  ['Chad Closes Border With Sudan After Clashes', ['chad', 'sudan'], []],
  ['French cuisine is famous the world over.', [], ['france']],
  ['Il parle couramment le russe et l’arabe.', [], ['russia']],
  ["L'armée française s'est retirée du Niger.", ['france', 'niger'], []],
  ['A fire in London, Ontario, destroyed a warehouse.', ['canada', 'ontario'], ['united-kingdom']],
  ['Lebanon, Pennsylvania, elected a new mayor.', ['united-states'], ['lebanon']],
  ['Strikes hit Mosul, Raqqa and Aleppo.', ['iraq', 'syria'], []],
  ['Iraq, Syria and Turkey met in Ankara.', ['iraq', 'syria', 'turkey'], []],
  ['Storms hit the Indian Ocean islands.', [], ['india']],
  ['Florence Parly a visité la base de Gao, au Mali.', ['mali'], ['italy']],
  // Towns of 15,000 whose names no other place has are places; one named by everyday words or a
  // given name needs context ("Police", Poland; "Obama", Japan; "La Garde" and "Le Port", France).
  ['Riots broke out in Ferguson overnight.', ['united-states', 'ferguson'], []],
  ['Des heurts à Vierzon et à Montargis.', ['france', 'vierzon', 'montargis'], []],
  ['Police said the Obama administration would act.', [], ['poland', 'japan']],
  // Many towns named Greenville, the largest in the United States, five times Liberia's: the country.
  ['The Greenville city council voted on Tuesday.', ['united-states'], ['liberia']],
  // A town named like a larger place abroad is a reading its country's places support, no more.
  ['Snow closed schools in Burlington and across Vermont.', ['united-states'], ['canada']],
  ['Snow closed schools in Burlington on Monday.', ['canada'], ['united-states']],
  ['Students protest at the Embassy of the United States in Moscow.', ['russia'], []],
  // "Philly" is Philadelphia; "DC" is no place on its own (DC Comics, a Detective Constable).
  [
    'Riots in Philly tonight, a DC Comics film in theaters.',
    ['united-states', 'philadelphia'],
    ['washington'],
  ],
  // Kashmir alone is either side's; Jammu and Kashmir is India's, Azad Kashmir Pakistan's.
  ['Floods hit Jammu and Kashmir; clashes in Azad Kashmir.', ['india', 'pakistan'], []],
  ['Floods hit Kashmir.', [], ['india', 'pakistan']],
  // A town named by French words counts with its state or a neighbour, not in French prose;
  // an article and words in lower case are no name ("Des plaines", "Des moines").
  ['Storms hit Terre Haute, Indiana, overnight.', ['united-states', 'terre-haute'], []],
  ['Durant la nuit, les combats ont repris à Gaza.', ['palestine'], ['united-states']],
  ['Des plaines inondées ont été évacuées en Inde.', ['india'], ['united-states']],
  ['Des moines ont prié pour la paix.', [], ['united-states']],
  // A town's one-word name that needs context is no place at all: University, Florida.
  ['The University of Illinois and the United States Army agreed.', ['united-states'], ['florida']],
  // French institutions named like towns: no town, even where France is named.
  ['La Garde républicaine a défilé à Paris.', ['france', 'paris'], ['la-garde']],
  ['Le secrétaire à la Défense a salué les forces françaises.', ['france'], ['la-defense']],
  // France's départements, under their region; one that is a word needs context.
  [
    'Des orages en Gironde et dans les Bouches-du-Rhône.',
    ['france', 'gironde', 'bouches-du-rhone', 'nouvelle-aquitaine'],
    [],
  ],
  ['La Somme a débordé.', [], ['france']],
  // Former names still in the news (gazetteer/aliases.yaml).
  [
    'Des inondations à Bangalore, à Madras et dans l’Orissa.',
    ['india', 'bengaluru', 'chennai', 'odisha'],
    [],
  ],
  ['A bomb went off in Saigon; Rangoon was calm.', ['vietnam', 'myanmar'], []],
  ['Le Texas a déployé la Garde nationale à la frontière.', ['united-states'], ['france']],
  // An article and a word are no name, and leave the place after them: Odessa's port.
  ["Le port d'Odessa a de nouveau été visé par des drones.", ['ukraine'], ['france', 'reunion']],
  // Capitals under 100,000 people are places; those whose name is a person's or a phrase need context.
  [
    'Des émeutes à Nouméa et à Papeete, le préfet à Cayenne.',
    ['new-caledonia', 'french-polynesia', 'french-guiana', 'noumea', 'papeete', 'cayenne'],
    [],
  ],
  ['Talks in Belmopan and Bandar Seri Begawan.', ['belize', 'brunei'], []],
  ['Stanley said The Valley was flooded.', [], ['falkland-islands', 'anguilla']],
  ['Stanley, the Falklands capital, was calm.', ['falkland-islands', 'stanley'], []],
  [
    'Queen Elizabeth met Yao Ming; Toyota and Windows Vista sponsored it.',
    [],
    ['united-states', 'japan'],
  ],
  ['Elizabeth, New Jersey, and Toyota, near Nagoya.', ['united-states', 'japan'], []],
  [
    'Storms hit Long Island and Santa Barbara; the Lok Sabha met.',
    ['united-states'],
    ['bahamas', 'honduras', 'libya'],
  ],
  // From the French samples: a given name, an article and a word.
  [
    'Hassan Nasrallah a averti Washington. Le député Hassan Salem a appelé à une opération.',
    ['united-states'],
    ['india'],
  ],
  ["La source n'a pas été identifiée à Monaco.", ['monaco'], ['la-source']],
  [
    'Meta Shaping Enterprise Oral Health: A Pleasant Surprise',
    [],
    ['colombia', 'kazakhstan', 'united-states'],
  ],
  [
    'The Hanover fair; storms on the West Coast near Monterey.',
    ['germany', 'united-states'],
    ['jamaica', 'mexico', 'new-zealand'],
  ],
  ['Grad students protested in Kabul.', ['afghanistan'], ['slovenia']],
  ['Floods in NSW and Qld today.', ['new-south-wales', 'queensland'], []],
  // A place's name in lower case, in a text that writes names with capitals, is a word.
  [
    'What a pleasant surprise: independence for the western region, said Smith.',
    [],
    ['united-states', 'iceland'],
  ],
  ['protests in toronto and vancouver tonight', ['canada'], []],
  ["Des frappes sur الموصل, selon l'armée et la Coalition.", ['mosul', 'iraq'], []],
  ["L'armée irakienne a repris la ville.", ['iraq'], []],
  // A place's name after a given name, or a title, is a surname.
  ['Michael Jordan scored 40 points.', [], ['jordan']],
  ['Rep. Jim Jordan (R-Ohio) voted no.', ['ohio'], ['jordan']],
  ['Denzel Washington read Jack London.', [], ['united-states', 'united-kingdom']],
  ['Sen. Jordan met Mike Pompeo in Amman, Jordan.', ['jordan'], []],
  // Error analysis on GeoCorpora, Hu2014, Ju2016 and the new French sentences (BENCHMARKS).
  ['Jordan Bardella et Marine Le Pen ont tenu meeting à Hénin-Beaumont.', [], ['jordan', 'texas']],
  ['Jordan Launches Strikes On Syria', ['jordan', 'syria'], []],
  ['Windsor, Chatham-Kent and Leamington are at risk.', ['canada'], ['united-kingdom']],
  ['La guerre Hamas-Israël continue à Gaza.', ['israel', 'palestine'], []],
  ['Is this an American fighting for Pro-Moscow rebels?', ['russia'], []],
  ['Les gendarmes ont démantelé un point de deal à Nice.', ['france'], []],
  ['Nice weather in the Alps today.', [], ['france']],
  ['Un attentat à Peshawar, dans le nord-ouest du Pakistan.', ['pakistan'], ['haiti']],
  ['La menace s’étend vers le golfe de Guinée.', [], ['guinea']],
  ['Pyongyang a tiré un missile en mer du Japon.', ['north-korea'], ['japan']],
  ['Stopping male and female parasite cells.', [], ['maldives']],
  ['Have you read George R. R. Martin?', [], ['south-africa']],
  ['Red warning in Metro Manila.', ['philippines'], ['indonesia']],
  ['An earthquake was felt in the East Midlands.', ['united-kingdom'], ['zimbabwe']],
  ['What happens in Vegas stays in Vegas.', ['united-states', 'las-vegas'], []],
  ['The Gulf Coast beaches are full.', [], ['papua-new-guinea']],
  ['The Rebels acquire Nelson Nogier from Saskatoon.', [], ['new-zealand']],
  // Seats of government name their state, not their capital's streets.
  ['Le Kremlin a dénoncé une frappe de drone.', ['russia'], ['moscow']],
  ['The White House said talks would resume.', ['united-states'], ['washington']],
  ["L'Élysée et Downing Street ont publié un communiqué.", ['france', 'united-kingdom'], ['paris']],
  ['Une maison blanche au bord du lac.', [], ['united-states']],
  ['Une foule sur les Champs-Élysées.', [], ['france']],
  // Divisions whose ISO code changed since the names' source, and cities under the right one.
  ['Des inondations dans le Guangdong.', ['china', 'guangdong-sheng'], []],
  ['Un séisme au Tibet, près de Lhassa.', ['china', 'tibet', 'lhasa'], []],
  ['Un incendie à Hachioji a fait deux morts.', ['japan', 'tokyo'], ['hukuoka']],
  // Iran's codes were given anew: the names once filed under IR-07 (Tehran) are now Fārs's code.
  ['Protests in Tehran Province.', ['iran', 'tehran'], ['fars']],
  ['An earthquake near Khorramabad.', ['iran', 'lorestan'], ['semnan']],
  ['Un séisme près de Sabzevar.', ['iran', 'razavi-khorasan'], ['alborz']],
  // A curated place that is a division takes its cities: no second Kentucky beside the curated one.
  ['A shooting in Lexington, Kentucky.', ['united-states', 'kentucky', 'lexington'], []],
  ['Los Angeles police said the road was closed.', ['california'], []],
  ['Buffalo, New York, got two feet of snow.', ['buffalo', 'new-york'], []],
  ['Seattle, Washington, voted on Tuesday.', ['seattle', 'washington-state'], []],
  ['Washington said the talks would go on.', ['washington'], ['washington-state']],
  ['Washington and Texas agreed on the border.', ['washington', 'texas'], ['washington-state']],
  ['Une explosion à Sari a fait trois blessés.', ['iran', 'mazandaran'], []],
  // A curated city takes its GeoNames spellings: no second region beside it.
  ['Взрыв в Мазари-Шарифе, Мазари-Шариф.', ['mazar-i-sharif', 'balkh'], ['mazar-e-sharif']],
  ['Des combats près de Ouagadougou, à Ougadougou.', ['ouagadougou'], ['ouagadougou-bf']],
  // AP style's state abbreviations: where the press writes them, and nowhere else.
  ['FERGUSON, Mo. (AP) — Protesters gathered again.', ['united-states', 'missouri'], []],
  ['A fire in Dalton, Ga., destroyed a mill.', ['georgia-us'], ['georgia']],
  ['The festival in Paris, Tex., drew thousands.', ['texas'], ['france']],
  ['Sen. Rand Paul, R-Ky., and Rep. Tim Ryan, D-Ohio, voted no.', ['kentucky', 'ohio'], []],
  ['A storm hit Buffalo, N.Y., and Erie, Pa.', ['new-york', 'pennsylvania'], []],
  ['Police in Vancouver, B.C., made an arrest.', ['canada', 'british-columbia'], []],
  [
    'Mo Farah won; Mass shootings; Ill health; Ont été tués deux soldats.',
    [],
    ['united-states', 'canada'],
  ],
  ['In 300 B.C. the city fell to the Romans.', [], ['canada']],
  [
    'La Nouvelle-Angleterre sous la neige. Que faire ? Ont été évacués des habitants du Texas.',
    ['new-england', 'texas'],
    ['louisiana', 'quebec', 'ontario'],
  ],
  // US counties, and a name all of whose readings lie in one country.
  ['Deputies in Tarrant County arrested a man.', ['united-states', 'texas', 'tarrant-county'], []],
  ['The Cook County sheriff said.', ['illinois', 'cook-county-il'], ['cook-county-ga']],
  ['Orange County officials said the fire was out.', ['united-states'], ['orange-county-ca']],
  ['Washington County commissioners met in Hillsboro.', ['washington-county-or'], ['alabama']],
  ['Washington County met, the United States said.', ['united-states'], ['washington-county-al']],
  ['Springfield police said the road was closed.', [], ['united-states']],
  // Regions of conflicts the divisions do not name.
  ['Des affrontements au Haut-Karabakh.', ['azerbaijan', 'caucasus'], []],
  ['La guerre au Tigré a fait des milliers de morts.', ['ethiopia', 'tigray'], []],
  ["Un tigre s'est échappé du zoo.", [], ['ethiopia']],
  ['Le pont franchissant le Tigre à Mossoul a été détruit.', ['iraq'], ['ethiopia']],
  ['Une grève à La Poste.', [], ['united-states']],
  ['Attaque en Casamance.', ['senegal'], []],
  ['Separatists in Anglophone Cameroon attacked a school.', ['cameroon', 'ambazonia'], []],
  ['Le M23 a pris Rutshuru et Masisi.', ['democratic-republic-of-the-congo', 'north-kivu'], []],
  ['Les combats se rapprochent de Pokrovsk après la chute d’Avdiïvka.', ['ukraine', 'donbas'], []],
  ['Russian troops pushed into Kupiansk and Vovchansk.', ['ukraine'], []],
  ['Lyman Frank Baum wrote it; Marinka Gurewitsch sang.', [], ['ukraine']],
  ['Le Hamas a attaqué Kfar Aza et Be’eri.', ['israel'], []],
  ['Des combats près de Tinzaouaten.', ['mali'], []],
  // A place after a given name is a surname; a word before it ("Will", "April") is no given name.
  ['Says Simon Godfrey, the coach.', [], ['united-states']],
  ['The vocalist Sonny Brazil sang the blues.', [], ['brazil']],
  ['A new novel by Justina Ireland is out.', [], ['ireland']],
  ['Will Ukraine hold the line?', ['ukraine'], []],
  ['A talk by María Ramos and Yasmine Rubio.', [], ['philippines', 'venezuela']],
  ['In April Ukraine launched an offensive.', ['ukraine'], []],
  ['Parts of western North America were in drought.', ['north-america'], ['ghana']],
  ['Hikers in the western North Carolina mountains.', ['north-carolina'], ['ghana']],
  // Divisions named only with words that say where need context.
  ['The team is last in the Central Division.', [], ['fiji']],
  ['Contact the Maritime Security Centre.', [], ['togo']],
  ['A loft on the Upper West Side.', [], ['ghana']],
  ['Floods in the Upper East Region of Ghana.', ['ghana', 'upper-east'], []],
  ['The crowd asked President Morsi to resign.', [], ['india']],
  ['Judge Merrick Garland ruled on Tuesday.', [], ['united-states']],
  // A town named like a person, before a capitalised word that makes it no place.
  ['The illustrator Alicia Souza drew the cover.', [], ['philippines']],
  ['Carmelo Anthony scored 30 points.', [], ['uruguay']],
  ['The Ferguson Police said the road was closed.', ['united-states'], []],
  ['We hiked in Zion National Park.', ['united-states'], []],
  // Once named in full, a person is named by the surname alone, unless the text also writes a place.
  ['Courtney Paris scored 20 points. Paris had 9 rebounds.', [], ['france']],
  ['Ian Dallas designed it. Dallas said he works in Dallas.', ['texas'], []],
  ['Suppliers such as Toyota, Hitachi and Monsanto.', [], ['japan', 'portugal']],
  ['Engels, a city in Saratov Oblast, Russia.', ['engels'], []],
  ['Manuel Valls et Ségolène Royal ont débattu.', [], ['spain']],
  // A first name before its own state or country is the place: "Austin Texas"; before another, a person.
  ['We flew to Austin Texas for the show last week and loved it.', ['texas'], []],
  ['The editors consulted the books of Georgia Hesse and others.', [], ['germany']],
  [
    'In the summer she finally met the painter Salvador Dalí at his house.',
    [],
    ['brazil', 'china'],
  ],
  ['The column by David French ran on Sunday.', [], ['france']],
  ['Billionaire Mark Cuban was vocal.', [], ['cuba']],
  ['A grant from the Lord Lyon, King of Arms.', [], ['france']],
  ['Health programmes for American Indians and West Indian communities.', [], ['india']],
  ['Earhart flew from New Guinea to Howland Island.', ['papua-new-guinea'], ['guinea']],
  [
    'The Ford Mustang Mach-E and the Tata Nano, with cayenne: Cayenne pepper.',
    [],
    ['pakistan', 'hungary', 'french-guiana'],
  ],
  ['RAY SUAREZ: Madam Ambassador, guests.', [], ['colombia']],
  ['A new Archbishop of Canterbury was named.', ['united-kingdom'], ['new-zealand']],
  [
    'Christchurch is the largest city of Canterbury, New Zealand.',
    ['new-zealand'],
    ['united-kingdom'],
  ],
  // A given name that names a place, before a place that is not its own: a person.
  [
    'The rookie Tyler Delgado scored twice in the final quarter of the game.',
    [],
    ['el-salvador', 'texas'],
  ],
  ['I live in Richmond Virginia and love it.', ['virginia'], []],
  ['Visitors to Aurora Colorado enjoyed the parade during the long weekend.', ['colorado'], []],
  [
    'A Labrador Retriever from Christ Church College chased Kaka across the Andes.',
    [],
    ['australia', 'barbados', 'turkmenistan', 'colombia'],
  ],
  [
    'The article was written by staff writer Brent Butterworth for the magazine.',
    [],
    ['united-kingdom', 'malaysia'],
  ],
  ['FOR INFO PLEASE CONTACT US AT THE DESK', [], ['united-states']],
  ['ATTACKS ON US FORCES IN IRAQ', ['united-states', 'iraq'], []],
  ['SUPPORT FOR US TROOPS GROWS', ['united-states'], []],
  [
    'The senator Thomas F. Birmingham spoke at the event yesterday evening.',
    [],
    ['united-kingdom'],
  ],
  [
    'Latin American and South American leaders met Morgan Stanley bankers.',
    [],
    ['united-states', 'united-kingdom'],
  ],
  ['A book by Cal Newport was read on the long flight.', [], ['united-kingdom']],
  ['President Morsi said the vote would go ahead. Morsi also spoke about reform.', [], ['india']],
  ['Chris Houston was hurt. Houston, Texas, mourned the loss.', ['houston'], []],
  // Capitals among lower-case words: an acronym, unless the gazetteer spells it so ("UAE").
  ['The news agency ISNA said the talks resumed.', [], ['egypt']],
  ['Regulators at the NAIC said insurers must file by June.', [], ['philippines']],
  ['IMO rules on sulphur apply to ships.', [], ['nigeria']],
  ['Officials in the UAE and at the NSW border said.', ['united-arab-emirates', 'australia'], []],
  ['GAZA (AP) — Strikes hit the south.', ['palestine'], []],
  ['Pray for #GAZA tonight', ['palestine'], []],
  ['PUNE: The police arrested two men on Tuesday.', ['india'], []],
  ['They met in OMAN last week to talk.', ['oman'], []],
  ['Published: December 11, 2007\n OSLO, Dec. 10 — He said it again.', ['norway'], []],
  ['Reuters\n KIEV \n : Yulia Tymoshenko said.', ['ukraine'], []],
  ['IBA - Ion Beam Analysis', [], ['philippines']],
  ['By Francois Murphy PARIS, Jan 8 (Reuters) - The talks', ['ile-de-france'], []],
  ["Ilona Richardson, Coeur d'Alene, Idaho", ['coeur-d-alene'], []],
  ['TROOPS ENTER GAZA AT DAWN', ['palestine'], []],
  // A postal code after a place's name says which; initials and degrees are no state.
  ['The college in Hanover, NH, drew students.', ['new-hampshire'], ['germany']],
  ['He lives in Concord, NH 03301 with his wife.', ['new-hampshire'], ['california']],
  ['Sen. Ted Cruz (R-TX) said the bill would fail.', ['texas'], []],
  ['Jane Doe, M.D., said the drug works.', [], ['maryland-us']],
  ['Jane Doe, MD, said the drug works.', [], ['maryland-us']],
  ['Bureau, W.A. Harriman Campus, Albany', [], ['washington-state']],
  ['IN THE NEWS: floods hit the coast.', [], ['indiana']],
  // Spaces doubled by extraction still join a given name to its surname.
  ['Colombian President  Alvaro Uribe said the rescue failed.', ['colombia'], ['india']],
  ['The Nuggets won. Carmelo  Anthony added 30 points.', [], ['uruguay']],
  ['AJ Kulp (Old Dominion University) started.', [], ['turkey']],
  ["Officials at St Mary's church in Auckland said.", ['new-zealand'], ['jamaica']],
  ["St. Louis's mayor said the parade would go on.", ['united-states'], []],
  ['Threats against the Miami-Dade gang unit were heard.', ['united-states'], ['china']],
  ['Spelling follows North American usage.', [], ['united-states']],
  ['He won the Australian Open and the French Open.', [], ['australia', 'france']],
  [
    'Add kale, Swiss chard and Greek yogurt to a Dutch oven.',
    [],
    ['switzerland', 'greece', 'netherlands'],
  ],
  ['"He is Serbian," Shepherd said about her.', ['serbia'], []],
  ['Rain falls where the Cascade Mountain range stands.', [], ['seychelles']],
  // A given name before a surname is no city ("Nancy Hopkins"), a city's name before a word stays.
  ['MIT biologist Nancy Hopkins told the paper in Paris.', [], ['grand-est']],
  ['A London Tube map shows the lines.', ['united-kingdom'], []],
  [
    'The Frenchman beat the Englishman in Hollywood.',
    ['france', 'united-kingdom', 'united-states'],
    [],
  ],
  ["Belarussia's Azarenka won in straight sets.", ['belarus'], []],
  ['Brit Hume said the vote was close.', [], ['united-kingdom']],
  // An adjective opening an organisation's name is not the state.
  ['According to the American College of Sports Medicine, walk daily.', [], ['united-states']],
  ['She paid with her American Express card at the hotel.', [], ['united-states']],
  ['Mariah Carey will earn millions on American Idol this year, they said.', [], ['united-states']],
  ['American forces withdrew from the base.', ['united-states'], []],
  // After "in", a language stands alone or in a list; an adjective before its noun is the state's.
  ['Embryos created in British clinics rose by a third.', ['united-kingdom'], []],
  ['The word in English is house; it is written so in Arabic.', [], ['united-kingdom']],
  ['Ajax Amsterdam drew 2-2 at VVV Venlo.', ['netherlands'], ['canada']],
  ['Kobe Bryant scored 37 points for the Lakers.', [], ['japan']],
  ["They played at Rough Trade's East London store.", [], ['south-africa']],
  ['The Aussies need a doubles win.', ['australia'], []],
  ['He owns a farm just off the Dublin Road outside Omagh.', ['united-kingdom'], ['ireland']],
  ['Shaun played in front of new England coach Fabio Capello.', [], ['united-states']],
  ['The reporters met in New Delhi on Monday.', ['india'], []],
  ['RAMALLAH, Dec. 29 (Xinhua) -- Palestinian negotiators met.', ['palestine'], ['china']],
  ['A Shiite lawmaker, Hassan al-Senied, praised the bill.', [], ['india']],
  ['They came from Houston, Phoenix, El Paso and Dallas.', ['phoenix'], []],
  ['The nominees include Halle Berry for her role in the film.', [], ['germany']],
  ['Second place went to Paris Hilton.', [], ['france']],
  ['A reference to the Greek goddess of doom opens the film.', [], ['greece']],
  // A reading dropped backs no other: Stamford, Connecticut, gone, Manchester is England's.
  [
    'Tottenham won at Stamford Bridge. Then Manchester City lost.',
    ['manchester'],
    ['united-states'],
  ],
  ["Clinics: St. Mary's Catholic School, 66 Main Street, Tuesday.", [], ['jamaica']],
  // After "the", a place's name before a paper's, a body's or a team's name counts only with its
  // country otherwise named.
  ['In Toronto, the Calgary Flames beat the Boston Bruins 3-2.', ['canada'], ['united-states']],
  ['According to the Miami Herald, Florida braced for the storm.', ['miami'], []],
  ['The Ohio River flooded the valley.', ['ohio'], []],
  // A university's name is no place, however its state is named.
  ['A University of Georgia study showed no difference.', [], ['georgia', 'georgia-us']],
  ['In the second half, Brittany Powell led San Jose State with ten points.', [], ['france']],
  ['He was born at Cedars-Sinai Medical Center last spring.', [], ['egypt']],
  // "Town, Country": a town of that country, even one the gazetteer lacks; not in a list.
  ['The final is in Queenstown, New Zealand, on December 31.', ['new-zealand'], ['south-africa']],
  ['A lawyer from St. Petersburg, Russia, came to Belgrade.', ['russia'], ['united-states']],
  ['Tallies from Arkansas, Georgia, Kentucky and Michigan came in.', ['arkansas'], []],
  ['Roper Corporation in La Fayette, Georgia, makes stoves.', ['lafayette'], []],
  ['Paris, MA Jones said the vote was close.', [], ['massachusetts']],
  ['Salons were held in Seoul, Nairobi, New York.', ['kenya', 'united-states'], []],
  // "new" in lower case is the adjective: the name after it stays.
  ['The studio opened its new Berlin office.', ['germany'], ['united-states']],
  ['Flights in new Delhi were cancelled.', ['india'], []],
  ['Kenya, Uganda and Tanzania signed the treaty.', ['kenya', 'uganda', 'tanzania'], []],
  ['Source: China Daily/Agencies. The minister spoke in Sri Lanka.', ['sri-lanka'], ['china']],
  // A place inside a company's, an agreement's or a university's name; an adjective opening an
  // organisation's; a list of languages; two streets at a corner.
  ['Shares of Energy XXI Bermuda Ltd rose on Thursday.', [], ['bermuda']],
  ['Shares of Oceanic Bermuda, Ltd. fell sharply on the news.', [], ['bermuda']],
  ['Nations fell short of the Paris Agreement goal.', [], ['france']],
  ['Talks on the Iran Agreement resumed.', ['iran'], []],
  ['She teaches at the University of Illinois Chicago.', [], ['united-states']],
  ['He studies at the University of Texas at Austin now.', ['austin'], []],
  ['He coached at Boston College for a decade.', [], ['united-states']],
  ['The American Heart Association recommends walking.', [], ['united-states']],
  ['Fonts for Arabic, Chinese, and Thai are missing.', [], ['china', 'thailand']],
  ['The French, British and German troops left.', ['france', 'united-kingdom', 'germany'], []],
  ['We tested a French-door refrigerator beside a Chinese evergreen.', [], ['france', 'china']],
  ['A shop on the corner of Bedford and Brighton sold hats.', [], ['united-kingdom']],
  ['Designer Lara Mahler chose bold colours.', [], ['venezuela']],
  ['Floods hit the state of Lara in Venezuela.', ['lara'], []],
  ['A vice president of Nintendo of America said so.', [], ['united-states']],
  ['The United States of America said so.', ['united-states'], []],
  ['A nurse of the American Red Cross cared for him.', [], ['united-states']],
  ['His paper in the British Journal of Management was cited.', [], ['united-kingdom']],
  ['The brand blends French style with sustainability.', [], ['france']],
  ['The DVD of Harry Potter and the Order of the Phoenix came second.', [], ['united-states']],
  // A club is no place: a city's name before a plural or a club's word; a national team counts.
  ['Moreau scored twice as the struggling Edmonton Oilers lost again on the road.', [], ['canada']],
  ['The fans hope that Manchester United will sign him this week.', [], ['united-kingdom']],
  ['He later joined PSV Eindhoven on a free transfer.', [], ['netherlands']],
  ['He left the club to sign for Werder Bremen in the summer.', [], ['germany']],
  ['The storm hit the Florida Keys and left thousands without power.', ['united-states'], []],
  // In a headline in title case every word is capitalised: no team is read from it.
  ['Seattle Seahawks Win Causes An Earthquake In The City', ['seattle'], []],
  ['The visitors were beaten by the England team at home.', ['united-kingdom'], []],
  // Wimbledon is the championships: a one-word name needing context, so no generated place.
  ['She lost in the second round at Wimbledon last year.', [], ['united-kingdom']],
  // Romanised given names that faker lists only in Cyrillic or kana.
  ['With John Terry and Andriy Shevchenko injured, Chelsea lost.', [], ['kazakhstan']],
  ['The researcher Hiro Ito found the flaw.', [], ['japan']],
  [
    "The paper ran a column by its editor.\nAMOS GILBOA IN ISRAEL'S MA'ARIV wrote that the talks would fail, and the minister agreed.",
    ['israel'],
    ['canada'],
  ],
];

describe('a table of tricky sentences', () => {
  it.each(TABLE)('%s', (text, named, notNamed) => {
    const found = regionsOf(text);
    for (const id of named) expect(found, `${id} in ${found.join(',')}`).toContain(id);
    for (const id of notNamed) expect(found, `${id} in ${found.join(',')}`).not.toContain(id);
  });
});

describe('adjectives policy', () => {
  it('counts an adjective of language or cuisine only as the policy says', () => {
    const text = 'French cuisine is famous the world over.';
    // The same tables with another policy: what compileMatcher({ adjectives }) sets.
    const always: Matcher = { ...matcher, adjectives: 'always' };
    const context: Matcher = { ...matcher, adjectives: 'context' };
    expect(regionsIn(always, text)).toContain('france');
    expect(regionsOf(text)).not.toContain('france');
    expect(regionsIn(context, 'The Iraqi army advanced.')).not.toContain('iraq');
    expect(regionsIn(context, 'The Iraqi army advanced on Mosul.')).toContain('iraq');
    expect(regionsOf('The Iraqi army advanced.')).toContain('iraq');
  });
});
