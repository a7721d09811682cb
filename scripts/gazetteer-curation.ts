// Hand-curated gazetteer data that build-gazetteer merges: country rows, the subregion outline, word lists.

/**
 * One ISO 3166 country: code, id, French adjective spec, English adjectives, extra names, dropped names.
 * French spec: `irakien` (feminine and plurals derived), `turc/turque`, or all four forms `a/b/c/d`;
 * several adjectives are separated by commas. English: `Iraqi/Iraqis`. Names: `a|b`, `=Name` is
 * case-sensitive. Library names that are also common words are dropped or made case-sensitive here.
 */
export type CountryRow = readonly [
  code: string,
  id: string,
  french: string,
  english: string,
  extra?: string,
  drop?: string,
];

export const COUNTRIES: readonly CountryRow[] = [
  ['AD', 'andorra', 'andorran', 'Andorran/Andorrans', 'Andorra'],
  ['AE', 'united-arab-emirates', 'émirati,émirien', 'Emirati/Emiratis', 'Émirats|=EAU|=UAE'],
  ['AF', 'afghanistan', 'afghan', 'Afghan/Afghans'],
  ['AG', 'antigua-and-barbuda', 'antiguais', 'Antiguan/Antiguans', 'Antigua|Barbuda'],
  ['AI', 'anguilla', 'anguillais', 'Anguillan/Anguillans'],
  ['AL', 'albania', 'albanais', 'Albanian/Albanians'],
  ['AM', 'armenia', 'arménien', 'Armenian/Armenians'],
  ['AO', 'angola', 'angolais', 'Angolan/Angolans'],
  ['AQ', 'antarctica', '', ''],
  ['AR', 'argentina', 'argentin', 'Argentine/Argentinian/Argentinians/Argentines'],
  ['AS', 'american-samoa', '', 'American Samoan/American Samoans'],
  ['AT', 'austria', 'autrichien', 'Austrian/Austrians'],
  ['AU', 'australia', 'australien', 'Australian/Australians'],
  ['AW', 'aruba', 'arubais', 'Aruban/Arubans'],
  ['AX', 'aland-islands', 'ålandais', 'Ålander/Ålanders', 'Îles Åland'],
  ['AZ', 'azerbaijan', 'azerbaïdjanais,azéri', 'Azerbaijani/Azerbaijanis/Azeri/Azeris'],
  [
    'BA',
    'bosnia-and-herzegovina',
    'bosnien',
    'Bosnian/Bosnians',
    'Bosnie|Bosnia|Bosnie-Herzégovine',
  ],
  ['BB', 'barbados', 'barbadien', 'Barbadian/Barbadians'],
  ['BD', 'bangladesh', 'bangladais', 'Bangladeshi/Bangladeshis'],
  ['BE', 'belgium', 'belge', 'Belgian/Belgians'],
  [
    'BF',
    'burkina-faso',
    'burkinabè/burkinabée/burkinabès/burkinabées',
    'Burkinabe/Burkinabes',
    'Burkina',
  ],
  ['BG', 'bulgaria', 'bulgare', 'Bulgarian/Bulgarians'],
  ['BH', 'bahrain', 'bahreïni,bahreïnien', 'Bahraini/Bahrainis', 'Bahrein'],
  ['BI', 'burundi', 'burundais', 'Burundian/Burundians'],
  ['BJ', 'benin', 'béninois', 'Beninese', '=Bénin'],
  ['BL', 'saint-barthelemy', 'barthélemois', '', 'Saint-Barth'],
  ['BM', 'bermuda', 'bermudien', 'Bermudian/Bermudians', 'Bermudes'],
  ['BN', 'brunei', 'brunéien', 'Bruneian/Bruneians', 'Brunei|Brunéi'],
  ['BO', 'bolivia', 'bolivien', 'Bolivian/Bolivians'],
  [
    'BQ',
    'caribbean-netherlands',
    '',
    '',
    'Bonaire|Sint Eustatius|Saint-Eustache|Pays-Bas caribéens|Caribbean Netherlands',
  ],
  ['BR', 'brazil', 'brésilien', 'Brazilian/Brazilians'],
  ['BS', 'bahamas', 'bahaméen', 'Bahamian/Bahamians'],
  ['BT', 'bhutan', 'bhoutanais', 'Bhutanese'],
  ['BV', 'bouvet-island', '', ''],
  ['BW', 'botswana', 'botswanais', 'Botswanan/Motswana/Batswana'],
  ['BY', 'belarus', 'biélorusse', 'Belarusian/Belarusians', 'Bélarus'],
  ['BZ', 'belize', 'bélizien', 'Belizean/Belizeans'],
  ['CA', 'canada', 'canadien', 'Canadian/Canadians'],
  ['CC', 'cocos-islands', '', 'Cocos Islander/Cocos Islanders', 'Îles Cocos|Keeling Islands'],
  [
    'CD',
    'democratic-republic-of-the-congo',
    '',
    '',
    '=RDC|RD Congo|Congo-Kinshasa|=DRC|DR Congo|Congo démocratique',
    'Congo',
  ],
  ['CF', 'central-african-republic', 'centrafricain', '', 'Centrafrique|=RCA'],
  ['CG', 'republic-of-the-congo', '', '', 'Congo-Brazzaville', 'Congo'],
  ['CH', 'switzerland', 'suisse', 'Swiss', 'Confédération suisse'],
  ['CI', 'cote-d-ivoire', 'ivoirien', 'Ivorian/Ivorians', "Côte d'Ivoire"],
  ['CK', 'cook-islands', '', 'Cook Islander/Cook Islanders'],
  ['CL', 'chile', 'chilien', 'Chilean/Chileans', '=Chili|=Chile'],
  ['CM', 'cameroon', 'camerounais', 'Cameroonian/Cameroonians'],
  ['CN', 'china', 'chinois', 'Chinese', '=China|République populaire de Chine'],
  ['CO', 'colombia', 'colombien', 'Colombian/Colombians'],
  ['CR', 'costa-rica', 'costaricien,costaricain', 'Costa Rican/Costa Ricans'],
  ['CU', 'cuba', 'cubain', 'Cuban/Cubans'],
  ['CV', 'cape-verde', 'cap-verdien', 'Cape Verdean/Cape Verdeans', 'Cabo Verde'],
  ['CW', 'curacao', 'curacien', 'Curaçaoan/Curaçaoans'],
  ['CX', 'christmas-island', '', 'Christmas Islander/Christmas Islanders'],
  ['CY', 'cyprus', 'chypriote,cypriote', 'Cypriot/Cypriots'],
  ['CZ', 'czechia', 'tchèque', 'Czech/Czechs', 'Tchéquie|Czech Republic'],
  ['DE', 'germany', 'allemand', 'German/Germans'],
  ['DJ', 'djibouti', 'djiboutien', 'Djiboutian/Djiboutians'],
  ['DK', 'denmark', 'danois', 'Danish/Danes'],
  ['DM', 'dominica', 'dominiquais', '', 'Commonwealth de la Dominique', 'Dominique'],
  ['DO', 'dominican-republic', 'dominicain', 'Dominican/Dominicans'],
  ['DZ', 'algeria', 'algérien', 'Algerian/Algerians'],
  ['EC', 'ecuador', 'équatorien', 'Ecuadorian/Ecuadorians', '=Équateur'],
  ['EE', 'estonia', 'estonien', 'Estonian/Estonians'],
  ['EG', 'egypt', 'égyptien', 'Egyptian/Egyptians'],
  ['EH', 'western-sahara', 'sahraoui', 'Sahrawi/Sahrawis'],
  ['ER', 'eritrea', 'érythréen', 'Eritrean/Eritreans'],
  ['ES', 'spain', 'espagnol', 'Spanish/Spaniards'],
  ['ET', 'ethiopia', 'éthiopien', 'Ethiopian/Ethiopians'],
  ['FI', 'finland', 'finlandais', 'Finnish/Finns'],
  ['FJ', 'fiji', 'fidjien', 'Fijian/Fijians', 'îles Fidji'],
  [
    'FK',
    'falkland-islands',
    'falklandais',
    'Falkland Islander/Falkland Islanders',
    'Malouines|Malvinas|Falklands',
  ],
  [
    'FM',
    'micronesia',
    'micronésien',
    'Micronesian/Micronesians',
    'Micronesia|Federated States of Micronesia|États fédérés de Micronésie',
  ],
  ['FO', 'faroe-islands', 'féroïen', 'Faroese', 'Féroé'],
  ['FR', 'france', 'français', 'French', 'République française'],
  ['GA', 'gabon', 'gabonais', 'Gabonese'],
  [
    'GB',
    'united-kingdom',
    'britannique',
    'British/Britons/Brits',
    'Grande-Bretagne|Britain|Royaume Uni|=UK',
  ],
  ['GD', 'grenada', 'grenadien', 'Grenadian/Grenadians', '', 'Grenade'],
  ['GE', 'georgia', 'géorgien', 'Georgian/Georgians', '=Georgia'],
  ['GF', 'french-guiana', 'guyanais', 'French Guianese', 'Guyane'],
  ['GG', 'guernsey', 'guernesiais', '', '=Guernsey'],
  ['GH', 'ghana', 'ghanéen', 'Ghanaian/Ghanaians'],
  ['GI', 'gibraltar', 'gibraltarien', 'Gibraltarian/Gibraltarians'],
  ['GL', 'greenland', 'groenlandais', 'Greenlandic/Greenlanders'],
  ['GM', 'gambia', 'gambien', 'Gambian/Gambians'],
  ['GN', 'guinea', 'guinéen', 'Guinean/Guineans', '=Guinea|Guinée-Conakry'],
  ['GP', 'guadeloupe', 'guadeloupéen', 'Guadeloupean/Guadeloupeans'],
  ['GQ', 'equatorial-guinea', 'équato-guinéen,équatoguinéen', 'Equatorial Guinean/Equatoguinean'],
  ['GR', 'greece', 'grec/grecque', 'Greek/Greeks'],
  ['GS', 'south-georgia-and-the-south-sandwich-islands', '', ''],
  ['GT', 'guatemala', 'guatémaltèque', 'Guatemalan/Guatemalans'],
  ['GU', 'guam', 'guamien', 'Guamanian/Guamanians'],
  ['GW', 'guinea-bissau', 'bissau-guinéen', 'Bissau-Guinean/Bissau-Guineans'],
  ['GY', 'guyana', 'guyanien', 'Guyanese'],
  ['HK', 'hong-kong', 'hongkongais', 'Hongkonger/Hongkongers'],
  ['HM', 'heard-island-and-mcdonald-islands', '', ''],
  ['HN', 'honduras', 'hondurien', 'Honduran/Hondurans'],
  ['HR', 'croatia', 'croate', 'Croatian/Croatians/Croats'],
  ['HT', 'haiti', 'haïtien', 'Haitian/Haitians'],
  ['HU', 'hungary', 'hongrois', 'Hungarian/Hungarians'],
  ['ID', 'indonesia', 'indonésien', 'Indonesian/Indonesians'],
  ['IE', 'ireland', 'irlandais', 'Irish', 'Eire|République d’Irlande'],
  ['IL', 'israel', 'israélien', 'Israeli/Israelis', "État d'Israël|État hébreu"],
  ['IM', 'isle-of-man', 'mannois', 'Manx'],
  ['IN', 'india', 'indien', 'Indian/Indians'],
  ['IO', 'british-indian-ocean-territory', '', '', 'Chagos|Diego Garcia'],
  ['IQ', 'iraq', 'irakien', 'Iraqi/Iraqis'],
  ['IR', 'iran', 'iranien', 'Iranian/Iranians', "République islamique d'Iran"],
  ['IS', 'iceland', 'islandais', 'Icelandic/Icelanders'],
  ['IT', 'italy', 'italien', 'Italian/Italians'],
  ['JE', 'jersey', 'jersiais', '', '=Jersey'],
  ['JM', 'jamaica', 'jamaïcain', 'Jamaican/Jamaicans'],
  ['JO', 'jordan', 'jordanien', 'Jordanian/Jordanians', '=Jordan'],
  ['JP', 'japan', 'japonais', 'Japanese', '=Japan'],
  ['KE', 'kenya', 'kényan', 'Kenyan/Kenyans'],
  [
    'KG',
    'kyrgyzstan',
    'kirghiz/kirghize/kirghiz/kirghizes',
    'Kyrgyz/Kyrgyzstani',
    'Kirghizie|Kirghizstan',
  ],
  ['KH', 'cambodia', 'cambodgien', 'Cambodian/Cambodians'],
  ['KI', 'kiribati', 'kiribatien', 'I-Kiribati'],
  ['KM', 'comoros', 'comorien', 'Comorian/Comorians'],
  ['KN', 'saint-kitts-and-nevis', 'kittitien', 'Kittitian/Nevisian', 'Saint Kitts'],
  ['KP', 'north-korea', 'nord-coréen', 'North Korean/North Koreans', '=RPDC|=DPRK'],
  ['KR', 'south-korea', 'sud-coréen', 'South Korean/South Koreans'],
  ['KW', 'kuwait', 'koweïtien', 'Kuwaiti/Kuwaitis'],
  ['KY', 'cayman-islands', 'caïmanais', 'Caymanian/Caymanians'],
  [
    'KZ',
    'kazakhstan',
    'kazakh/kazakhe/kazakhs/kazakhes,kazakhstanais',
    'Kazakh/Kazakhs/Kazakhstani',
  ],
  ['LA', 'laos', 'laotien', 'Laotian/Laotians', 'Laos'],
  ['LB', 'lebanon', 'libanais', 'Lebanese'],
  ['LC', 'saint-lucia', 'saint-lucien', 'Saint Lucian/Saint Lucians'],
  ['LI', 'liechtenstein', 'liechtensteinois', 'Liechtensteiner/Liechtensteiners'],
  ['LK', 'sri-lanka', 'sri-lankais', 'Sri Lankan/Sri Lankans'],
  ['LR', 'liberia', 'libérien', 'Liberian/Liberians'],
  ['LS', 'lesotho', 'lésothien', 'Basotho/Mosotho'],
  ['LT', 'lithuania', 'lituanien', 'Lithuanian/Lithuanians'],
  ['LU', 'luxembourg', 'luxembourgeois', 'Luxembourger/Luxembourgers/Luxembourgish'],
  ['LV', 'latvia', 'letton', 'Latvian/Latvians'],
  ['LY', 'libya', 'libyen', 'Libyan/Libyans'],
  ['MA', 'morocco', 'marocain', 'Moroccan/Moroccans'],
  ['MC', 'monaco', 'monégasque', 'Monegasque/Monegasques'],
  ['MD', 'moldova', 'moldave', 'Moldovan/Moldovans', 'Moldova'],
  ['ME', 'montenegro', 'monténégrin', 'Montenegrin/Montenegrins'],
  ['MF', 'saint-martin', 'saint-martinois', ''],
  ['MG', 'madagascar', 'malgache', 'Malagasy'],
  ['MH', 'marshall-islands', 'marshallais', 'Marshallese'],
  ['MK', 'north-macedonia', 'macédonien', 'Macedonian/Macedonians/North Macedonian'],
  ['ML', 'mali', 'malien', 'Malian/Malians'],
  ['MM', 'myanmar', 'birman', 'Burmese', 'Birmanie|Burma'],
  ['MN', 'mongolia', 'mongol', 'Mongolian/Mongolians'],
  ['MO', 'macao', 'macanais', 'Macanese', 'Macau'],
  ['MP', 'northern-mariana-islands', '', 'Northern Mariana Islander/Northern Mariana Islanders'],
  ['MQ', 'martinique', 'martiniquais', 'Martinican/Martinicans'],
  ['MR', 'mauritania', 'mauritanien', 'Mauritanian/Mauritanians'],
  ['MS', 'montserrat', 'montserratien', 'Montserratian/Montserratians'],
  ['MT', 'malta', 'maltais', 'Maltese'],
  [
    'MU',
    'mauritius',
    'mauricien',
    'Mauritian/Mauritians',
    'île Maurice|République de Maurice',
    'Maurice',
  ],
  ['MV', 'maldives', 'maldivien', 'Maldivian/Maldivians'],
  ['MW', 'malawi', 'malawite,malawien', 'Malawian/Malawians'],
  ['MX', 'mexico', 'mexicain', 'Mexican/Mexicans'],
  ['MY', 'malaysia', 'malaisien,malaysien', 'Malaysian/Malaysians', 'Malaysia'],
  ['MZ', 'mozambique', 'mozambicain', 'Mozambican/Mozambicans'],
  ['NA', 'namibia', 'namibien', 'Namibian/Namibians'],
  ['NC', 'new-caledonia', 'néo-calédonien,calédonien', 'New Caledonian/New Caledonians'],
  ['NE', 'niger', 'nigérien', 'Nigerien/Nigeriens', '=Niger'],
  ['NF', 'norfolk-island', '', 'Norfolk Islander/Norfolk Islanders'],
  ['NG', 'nigeria', 'nigérian', 'Nigerian/Nigerians'],
  ['NI', 'nicaragua', 'nicaraguayen', 'Nicaraguan/Nicaraguans'],
  ['NL', 'netherlands', 'néerlandais,hollandais', 'Dutch'],
  ['NO', 'norway', 'norvégien', 'Norwegian/Norwegians'],
  ['NP', 'nepal', 'népalais', 'Nepali/Nepalis/Nepalese'],
  ['NR', 'nauru', 'nauruan', 'Nauruan/Nauruans'],
  ['NU', 'niue', 'niuéen', 'Niuean/Niueans'],
  ['NZ', 'new-zealand', 'néo-zélandais', 'New Zealander/New Zealanders'],
  ['OM', 'oman', 'omanais', 'Omani/Omanis', "Sultanat d'Oman"],
  ['PA', 'panama', 'panaméen', 'Panamanian/Panamanians', '=Panama'],
  ['PE', 'peru', 'péruvien', 'Peruvian/Peruvians'],
  [
    'PF',
    'french-polynesia',
    'polynésien',
    'French Polynesian/French Polynesians',
    'Polynésie|Tahiti',
  ],
  ['PG', 'papua-new-guinea', 'papouan-néo-guinéen', 'Papua New Guinean/Papua New Guineans'],
  ['PH', 'philippines', 'philippin', 'Filipino/Filipinos/Philippine'],
  ['PK', 'pakistan', 'pakistanais', 'Pakistani/Pakistanis'],
  ['PL', 'poland', 'polonais', '=Polish/=Poles'],
  ['PM', 'saint-pierre-and-miquelon', 'saint-pierrais', ''],
  ['PN', 'pitcairn-islands', '', 'Pitcairn Islander/Pitcairn Islanders'],
  ['PR', 'puerto-rico', 'portoricain', 'Puerto Rican/Puerto Ricans'],
  [
    'PS',
    'palestine',
    'palestinien',
    'Palestinian/Palestinians',
    'territoires palestiniens|territoires palestiniens occupés|Palestinian territories|occupied Palestinian territories|État de Palestine',
  ],
  ['PT', 'portugal', 'portugais', 'Portuguese'],
  ['PW', 'palau', 'palaosien', 'Palauan/Palauans'],
  ['PY', 'paraguay', 'paraguayen', 'Paraguayan/Paraguayans'],
  ['QA', 'qatar', 'qatari,qatarien', 'Qatari/Qataris', 'Katar'],
  [
    'RE',
    'reunion',
    'réunionnais',
    'Reunionese',
    '=La Réunion|île de la Réunion|Reunion Island',
    'Réunion',
  ],
  ['RO', 'romania', 'roumain', 'Romanian/Romanians'],
  ['RS', 'serbia', 'serbe', 'Serbian/Serbians/Serbs'],
  ['RU', 'russia', 'russe', 'Russian/Russians', 'Fédération de Russie'],
  ['RW', 'rwanda', 'rwandais', 'Rwandan/Rwandans'],
  ['SA', 'saudi-arabia', 'saoudien', 'Saudi/Saudis/Saudi Arabian', 'Arabie|=KSA'],
  ['SB', 'solomon-islands', 'salomonais', 'Solomon Islander/Solomon Islanders'],
  ['SC', 'seychelles', 'seychellois', 'Seychellois'],
  ['SD', 'sudan', 'soudanais', 'Sudanese'],
  ['SE', 'sweden', 'suédois', 'Swedish/=Swedes'],
  ['SG', 'singapore', 'singapourien', 'Singaporean/Singaporeans'],
  ['SH', 'saint-helena', 'hélénien', 'Saint Helenian/Saint Helenians'],
  ['SI', 'slovenia', 'slovène', 'Slovenian/Slovenians/Slovene/Slovenes'],
  ['SJ', 'svalbard-and-jan-mayen', '', '', 'Svalbard|Jan Mayen'],
  ['SK', 'slovakia', 'slovaque', 'Slovak/Slovaks/Slovakian'],
  ['SL', 'sierra-leone', 'sierra-léonais', 'Sierra Leonean/Sierra Leoneans'],
  ['SM', 'san-marino', 'saint-marinais', 'Sammarinese'],
  ['SN', 'senegal', 'sénégalais', 'Senegalese'],
  ['SO', 'somalia', 'somalien', 'Somali/Somalis/Somalian'],
  ['SR', 'suriname', 'surinamais', 'Surinamese', 'Surinam'],
  ['SS', 'south-sudan', 'sud-soudanais', 'South Sudanese'],
  ['ST', 'sao-tome-and-principe', 'santoméen', 'Santomean/Santomeans', 'Sao Tomé'],
  ['SV', 'el-salvador', 'salvadorien', 'Salvadoran/Salvadorans'],
  ['SX', 'sint-maarten', '', 'Sint Maartener/Sint Maarteners', '', 'Saint-Martin|سانت مارتن'],
  ['SY', 'syria', 'syrien', 'Syrian/Syrians', 'Syria|سورية'],
  ['SZ', 'eswatini', 'swazi', 'Swazi/Swazis', 'Eswatini|Swaziland'],
  ['TC', 'turks-and-caicos-islands', '', 'Turks and Caicos Islander/Turks and Caicos Islanders'],
  ['TD', 'chad', 'tchadien', 'Chadian/Chadians', '=Chad'],
  [
    'TF',
    'french-southern-territories',
    '',
    '',
    '=TAAF|Terres australes et antarctiques françaises',
  ],
  ['TG', 'togo', 'togolais', 'Togolese'],
  ['TH', 'thailand', 'thaïlandais', 'Thai/Thais'],
  ['TJ', 'tajikistan', 'tadjik', 'Tajik/Tajiks/Tajikistani'],
  ['TK', 'tokelau', 'tokelauan', 'Tokelauan/Tokelauans'],
  ['TL', 'timor-leste', 'est-timorais', 'East Timorese', 'Timor oriental|East Timor'],
  ['TM', 'turkmenistan', 'turkmène', 'Turkmen/Turkmens'],
  ['TN', 'tunisia', 'tunisien', 'Tunisian/Tunisians'],
  ['TO', 'tonga', 'tongien', 'Tongan/Tongans'],
  ['TR', 'turkey', 'turc/turque', 'Turkish/Turks', '=Turkey'],
  ['TT', 'trinidad-and-tobago', 'trinidadien', 'Trinidadian/Tobagonian', 'Trinidad'],
  ['TV', 'tuvalu', 'tuvaluan', 'Tuvaluan/Tuvaluans'],
  ['TW', 'taiwan', 'taïwanais', 'Taiwanese', 'Taiwan'],
  ['TZ', 'tanzania', 'tanzanien', 'Tanzanian/Tanzanians', 'Tanzanie'],
  ['UA', 'ukraine', 'ukrainien', 'Ukrainian/Ukrainians'],
  ['UG', 'uganda', 'ougandais', 'Ugandan/Ugandans'],
  ['UM', 'united-states-minor-outlying-islands', '', ''],
  [
    'US',
    'united-states',
    'américain,étasunien,états-unien',
    'American/Americans',
    'États-Unis|=US|=USA',
  ],
  ['UY', 'uruguay', 'uruguayen', 'Uruguayan/Uruguayans'],
  ['UZ', 'uzbekistan', 'ouzbek/ouzbèke/ouzbeks/ouzbèkes', 'Uzbek/Uzbeks/Uzbekistani'],
  ['VA', 'vatican', '', '', 'Vatican|Vatican City|Cité du Vatican'],
  ['VC', 'saint-vincent-and-the-grenadines', 'vincentais', 'Vincentian/Vincentians'],
  ['VE', 'venezuela', 'vénézuélien', 'Venezuelan/Venezuelans'],
  ['VG', 'british-virgin-islands', '', '', 'British Virgin Islands'],
  ['VI', 'us-virgin-islands', '', '', 'US Virgin Islands|United States Virgin Islands'],
  ['VN', 'vietnam', 'vietnamien', 'Vietnamese', 'Viêt Nam'],
  ['VU', 'vanuatu', 'vanuatais', 'Ni-Vanuatu'],
  ['WF', 'wallis-and-futuna', 'wallisien', 'Wallisian/Wallisians'],
  ['WS', 'samoa', 'samoan', 'Samoan/Samoans'],
  ['XK', 'kosovo', 'kosovar', 'Kosovar/Kosovars'],
  ['YE', 'yemen', 'yéménite', 'Yemeni/Yemenis'],
  ['YT', 'mayotte', 'mahorais', 'Mahoran/Mahorans'],
  ['ZA', 'south-africa', 'sud-africain', 'South African/South Africans'],
  ['ZM', 'zambia', 'zambien', 'Zambian/Zambians'],
  ['ZW', 'zimbabwe', 'zimbabwéen', 'Zimbabwean/Zimbabweans'],
];

/**
 * Common French and English words (and a few first names) that must not be plain names: a GeoNames
 * spelling equal to one is dropped, and a curated name equal to one must be `=case-sensitive` or
 * belong to a `ctx` region. Compared folded (no case, no accents).
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `a ai aie ain aire air aman angers banu benin berne magreb meshed rabot riad seul sert soul amen ami amie an ana anse arc art as au aube autre aval avec bain bal
  balle banc bar bas base bat batman bath baie bay bel belle ben bien bis blanc bois bon bonne
  bord bout bras but ca cap car cas ce celle centre cercle chad chaine champ chant chat chef
  cher chez chili chile china cite city clair club col colline cote coeur cork corps cour
  court crete croix dame damask dans de delta des deux dieu dire dit dix do dome don dos
  douma du duma eau ecole eden elle en est et etat ete fao faux fer fin fleuve flore fort forte
  fosse four franc gare gao georgia golf grand grande grenade guinea hall harem haut haute
  havre hit hope hull humus il ile in is jersey joie jordan jour la lac lake las le les lens
  leur lieu ligne lion loire long lot lune ma mai main maison mal man manche mare marche mars mas
  me medina medine mer mesa met milan mine mobile mont more mort mot moulin mur nancy nice nil niger noir
  nord nous nu of oeil on or orange ou ouest page pain palais palma panama par parc pas pau
  pays peau pere pie pied pierre pin place plage plaine plan plateau plus point pointe pole poles
  polish pont port porte pour pre puits reading reine reunion rio rive rivers riviere roche roi
  roma rose rouge route royal rue sable sain saint sainte sale salle salut san sana sano santa
  sauf sel sept sham sierra sofia soleil sous sour split sud sur swat table tante taba
  temple terre the tiger tigre to tour tours tout trois tyre trappes ur usa van vent vienne ver verte vieux
  vigne ville vin voie vue wells york zone`.split(/\s+/),
);

/** Arabic-script words with a frequent common meaning ("the white", "the door", "cable"). */
export const ARABIC_COMMON_WORDS: ReadonlySet<string> = new Set(
  `حماة تدمر الباب الميادين هجين الهول حديثة القائم العمارة الزاوية البيضاء الجوف حجة عمران زنجبار
  صور الضاحية الخيام جنين الخليل موصل دوما السخنة القصير الرمادي الرطبة الخمس جدة كابل المغازي
  مخمور الشام شام أريحا المدينة موصول امان
  الثورة الكرمة الريحانة تربت لودر جحفية ناصيرات`.split(/\s+/),
);

/** Words that mark a GeoNames spelling as another language's phrase ("Lungsod ng Baghdad"). */
export const FOREIGN_GENERIC_WORDS: ReadonlySet<string> = new Set(
  `lungsod dakbayan ng khot urbo vilojati viloyati shahri shahar qalasi gorad gorod horad miasto
  mesto stadt ciudad cidade citta kota kabupaten provincia provinz muhafazat mhafzt wilayat liwa
  qada nahiyat madinat i di by ostan shahrestan bakhsh dehestan oblast rayon okrug selo posyolok
  district governorate province municipality region مدينة قضاء محافظة شعبية ولاية منطقة ناحية مركز
  بلدية`.split(/\s+/),
);

/**
 * Countries whose places are written in another script (Arabic, Persian, Cyrillic…): there GeoNames
 * alternates are transliterations worth keeping. Elsewhere only the GeoNames name itself is added.
 */
export const TRANSLITERATED: ReadonlySet<string> = new Set(
  `AE AF AM BD BH BY CN DJ DZ EG ER ET GE GR IL IN IQ IR JO JP KG KP KR KW KZ LB LY MA MR OM PK PS
  QA RU SA SD SO SY TJ TM TN UA UZ YE`.split(/\s+/),
);

/**
 * Subregions under their country (the root lines are country ids; a root line with names is a new
 * top-level region). Each line: `id: name | name | =CaseSensitive ; flag ; flag`, indented under its
 * parent. Flags: `ctx` (requiresContext), `city` (add spellings from GeoNames cities500, found by
 * these names in the country, or `city=GeoNames name`), `drop=a/b` (GeoNames spellings to leave
 * out), `fr=`/`en=` (adjectives, as in COUNTRIES). A province named like its capital is one region.
 */
export const OUTLINE = `
sahel: Sahel | Sahel central | bande sahélo-saharienne | Liptako-Gourma | Liptako | zone des trois frontières | fleuve Niger | Niger River | boucle du Niger ; fr=sahélien ; en=Sahelian/Sahelians

iraq
  kurdistan-region: Kurdistan irakien | Kurdistan d'Irak | Kurdistan autonome | Iraqi Kurdistan | Kurdistan Region | Kurdistan Region of Iraq | région du Kurdistan | région autonome du Kurdistan | =KRG | إقليم كردستان | كردستان العراق
    erbil: Erbil | Irbil | Arbil | Hewler | Hawler | أربيل ; city
      soran: Soran ; ctx
      koya: Koya | Koysinjaq | Koy Sanjaq ; ctx
      shaqlawa: Shaqlawa | Shaqlawah ; city
    sulaymaniyah: Souleimaniye | Soulaimaniyah | Sulaymaniyah | Sulaimaniyah | Sulaimaniya | Slemani | Silêmanî | السليمانية ; city
      chamchamal: Chamchamal | Tchamtchamal ; city
      kalar: Kalar ; ctx
      ranya: Ranya | Raniya ; ctx
      penjwin: Penjwen | Penjwin ; city
    dohuk: Dohuk | Duhok | Dahuk | Dihok | دهوك ; city
      zakho: Zakho | Zakhu | زاخو ; city
      amadiya: Amadiya | Amedi | Amadiyah | Amêdî | العمادية ; city
      akre: Akre | Aqrah | Akrê ; ctx
    halabja: Halabja | Halabjah | حلبجة ; city
  baghdad: Bagdad | Baghdad | بغداد ; city
    abu-ghraib: Abou Ghraib | Abu Ghraib | Abu Ghuraib | أبو غريب ; city
    taji: Taji | Al-Taji | At-Taji ; ctx
    tarmiyah: Tarmiyah | Tarmiya | Al-Tarmiyah ; city
    mahmudiyah: Mahmoudiya | Mahmudiyah | Mahmudiya | Al-Mahmudiyah ; city
    sadr-city: Sadr City | Madinat al-Sadr | cité Sadr | مدينة الصدر
    kadhimiya: Kadhimiya | Kazimiyah | Al-Kadhimiya | Kadhimiyah | الكاظمية
    green-zone: =Green Zone | =zone verte ; ctx
  basra: Bassora | Basra | Bassorah | Basrah | Al-Basra | Al-Basrah | البصرة ; city ; drop=Busra/Busrah
    umm-qasr: Oum Qasr | Umm Qasr | Umm Kasr | أم قصر ; city
    zubair: Zubair | Al-Zubair | Az-Zubayr | Zubayr ; ctx
    faw: Al-Faw | Al-Fao | péninsule de Fao | Fao peninsula ; ctx
    camp-bucca: Camp Bucca
  nineveh: Ninive | Nineveh | Ninawa | Ninewa | Ninawâ | نينوى
    mosul: Mossoul | Mosul | Al-Mawsil | Mawsil | الموصل ; city ; drop=Mosel/Mosoel/Mosouli
    tal-afar: Tal Afar | Tall Afar | Tel Afar | Talafar | Tall Afar | تلعفر ; city
    sinjar: Sinjar | Shingal | Sindjar | Shengal | سنجار ; city
    qayyarah: Qayyarah | Qayyara | Al-Qayyarah | Qaiyara | القيارة ; city
    hammam-al-alil: Hammam al-Alil | Hamam al-Alil | حمام العليل ; city
    bartella: Bartella | Bartalla ; city
    qaraqosh: Qaraqosh | Bakhdida | Hamdaniya | Al-Hamdaniya | Qaraqoch ; city
    bashiqa: Bashiqa | Bachiqa | Baashiqa ; city
    tel-keppe: Tel Keppe | Tel Kaif | Tilkaif | Tall Kayf ; city
    baaj: Al-Baaj | Baaj | Al-Ba'aj
    makhmur: Makhmour | Makhmur | Mexmûr ; city
  anbar: Anbar | Al-Anbar | Al Anbar | الأنبار
    ramadi: Ramadi | Al-Ramadi | Ar-Ramadi ; city
    fallujah: Falloujah | Fallouja | Fallujah | Falluja | Al-Fallujah | الفلوجة ; city
    hit: =Hit | Heet | Hīt | هيت ; ctx
    haditha: Haditha | Hadithah | Hadîtha ; city
    qaim: Al-Qaïm | Qaïm | Al-Qaim | Al Qa'im | Husaybah | Husaiba ; city
    rawa: Rawa | Rawah | راوة ; city
    anah: Anah | Aanah | عنة ; city
    rutba: Rutba | Routba | Rutbah | Al-Rutbah | Ar-Rutbah ; city
    khaldiya: Khaldiya | Khalidiya | Al-Khalidiyah ; ctx
    habbaniyah: Habbaniyah | Habbaniya | Al-Habbaniyah ; city
    karmah: Karmah | Al-Karmah | Garma | Al-Garma ; ctx
    amiriyat-al-fallujah: Amiriyat al-Fallujah | Amiriyat al-Falluja
    ain-al-asad: Aïn al-Asad | Ain al-Asad | Ayn al-Asad | Al-Asad Airbase | Al Asad Air Base
    akashat: Akashat | Akkashat ; ctx
    nukhayb: Nukhayb | Nukhaib ; ctx
    wadi-houran: Wadi Houran | Wadi Horan | Wadi Hauran | Wadi Hawran | Houran ; ctx
  salah-al-din: Salah al-Din | Salah ad-Din | Salaheddine | Salahuddin | Salahaddin | صلاح الدين
    tikrit: Tikrit | Tekrit | تكريت ; city
    samarra: Samarra | Samarrah | Sâmarrâ | سامراء ; city ; drop=Samara
    baiji: Baiji | Bayji | Beiji | بيجي ; city
    balad: Balad | base de Balad | Balad Air Base ; ctx
    dujail: Dujail | Ad-Dujayl | Dujayl ; city=Ad Dujayl
    tuz-khurmatu: Touz Khourmatou | Tuz Khurmatu | Tuz Khormato | Touz Khormatou | طوز خورماتو ; city
    shirqat: Shirqat | Sharqat | Al-Shirqat | Ash-Sharqat | الشرقاط ; city
    amerli: Amerli | Amirli ; city
    ishaqi: Ishaqi | Al-Ishaqi ; ctx
    makhoul: Makhoul | Jebel Makhoul | Jabal Makhoul | monts Makhoul ; ctx
  hamrin: Hamrin | Hamreen | Jebel Hamrin | Jabal Hamrin | Jebel Hamreen | monts Hamrin | Hamrin Mountains | جبال حمرين
  kirkuk: Kirkouk | Kirkuk | Karkuk | Kerkouk | Kerkuk | كركوك ; city
    hawija: Hawija | Hawijah | Al-Hawija | Al-Hawijah | الحويجة ; city
    daquq: Daquq | Daqouq | Tawuq ; city
    dibis: Dibis ; ctx
    zaghitoun: Zaghitoun | Wadi Zaghitoun | Zghaitoun | Zghitoun
    wadi-al-shay: Wadi al-Shay | Wadi al-Shai | Wadi Shay
  diyala: Diyala | Diyâla | Dijala | ديالى
    baqubah: Baqouba | Baaqouba | Baqubah | Baquba | Ba'qubah | بعقوبة ; city
    muqdadiyah: Muqdadiya | Muqdadiyah | Al-Muqdadiyah | Moqdadiya | المقدادية ; city
    khanaqin: Khanaqin | Khanaqine | Khanaqîn | خانقين ; city
    jalawla: Jalawla | Jaloula | Jalula | جلولاء ; city
    khalis: Khalis | Al-Khalis ; ctx
    balad-ruz: Balad Ruz | Baladruz ; city
    saadiya: Saadiya | As-Sa'diyah ; ctx
    mandali: Mandali | Mendeli ; city
  najaf: Nadjaf | Najaf | An-Najaf | Al-Najaf | النجف ; city
    kufa: Koufa | Kufa | Al-Kufa | Al-Kufah | الكوفة ; city
  karbala: Kerbala | Karbala | Kerbela | Karbalâ | كربلاء ; city
  babil: Babil | Babylone | Babylon | بابل
    hillah: Hillah | Hilla | Al-Hillah | Al-Hilla | الحلة ; city
    musayyib: Musayyib | Al-Musayyib | Mussayib | المسيب ; city
    iskandariya: Iskandariya | Iskandariyah ; ctx
    jurf-al-sakhar: Jurf al-Sakhar | Jurf as-Sakhar | Jurf al-Sakhr | Jurf al-Nasr | Jurf an-Nasr | جرف الصخر
  wasit: Wasit | Wassit | Wâsit | واسط
    kut: =Kut | Al-Kut | Kout | Kut al-Amara | Kut al-Imara | الكوت ; city=Al Kut
    suwaira: Suwaira | As-Suwayrah | Al-Suwaira ; city=As Suwayrah
  qadisiyah: Qadisiyah | Al-Qadisiyah | Qadisiya | Al-Qadisiyyah | القادسية
    diwaniyah: Diwaniyah | Diwaniya | Al-Diwaniyah | Ad-Diwaniyah | الديوانية ; city
  muthanna: province de Muthanna | gouvernorat de Muthanna | gouvernorat d'al-Muthanna | province d'al-Muthanna | Muthanna Governorate | Muthanna province | Al Muthanna Governorate | محافظة المثنى
    samawah: Samawa | Samawah | As-Samawah | Al-Samawah | السماوة ; city
  maysan: Maysan | Missan | Meysan | Maisan | ميسان
    amarah: Amarah | Al-Amarah | Amara | Al-Amara ; ctx
  dhi-qar: Dhi Qar | Thi Qar | Zi Qar | ذي قار
    nasiriyah: Nassiriya | Nasiriyah | Nasiriya | Nassiriyah | Al-Nasiriyah | An-Nasiriyah | الناصرية ; city
    shatra: Shatra | Al-Shatra | Ash-Shatrah ; ctx

syria
  damascus: Damas | Damascus | Dimashq | Dimachq | دمشق ; city ; drop=Damask/Cham/Sham/Al-Sham/Esh Sham/Dimashk al-Sham
    mezzeh: Mezzeh | Mazzeh | Al-Mezzeh | المزة
    yarmouk-camp: camp de Yarmouk | Yarmouk camp | camp de réfugiés de Yarmouk | Yarmouk refugee camp | مخيم اليرموك
    jobar: Jobar | Jawbar ; ctx
  rif-dimashq: Rif Dimashq | Rif Dimachq | Rif Damas | Damas-campagne | Damascus countryside | Reef Damascus | ريف دمشق
    douma: Douma ; ctx
    ghouta: Ghouta | Ghouta orientale | Eastern Ghouta | East Ghouta | الغوطة | الغوطة الشرقية
    harasta: Harasta | حرستا ; city
    darayya: Daraya | Darayya | Dareya | داريا ; city
    zabadani: Zabadani | Al-Zabadani | Zabadane | الزبداني ; city
    madaya: Madaya | مضايا ; city
    sayyida-zaynab: Sayyida Zaynab | Sayyida Zeinab | Sayeda Zeinab | Saïda Zeinab | Sitt Zaynab | السيدة زينب
    qalamoun: Qalamoun | Qalamun | Kalamoun | القلمون
    yabroud: Yabroud | Yabrud | يبرود ; city
    jaramana: Jaramana | Jaramanah | جرمانا ; city
    saydnaya: Saydnaya | Sednaya | Seidnaya | Sednaïa | صيدنايا ; city
    qudsaya: Qudsaya | قدسيا ; city
    dumayr: Dumayr | Al-Dumayr | Dmeir | Ad-Dumayr ; city
    kiswah: Kiswah | Al-Kiswah | Kisweh ; city
  aleppo: Alep | Aleppo | Halab | Haleb | حلب ; city ; drop=Berea/Beroea
    sheikh-maqsoud: Cheikh Maqsoud | Sheikh Maqsoud | Sheikh Maqsud | Cheikh Maksoud | الشيخ مقصود
    manbij: Manbij | Manbidj | Membij | Menbij | Manbej | منبج ; city
    al-bab: Al-Bab | El-Bab | al-Bâb ; city=Al Bab
    jarablus: Jarablus | Djarablus | Jarabulus | Jerablus | Djerablous | Jarablous | جرابلس ; city
    afrin: Afrin | Afrine | Efrîn | عفرين ; city
    kobani: Kobané | Kobani | Kobanê | Aïn al-Arab | Ain al-Arab | Ayn al-Arab | كوباني | عين العرب ; city
    azaz: Azaz | A'zaz | Aazaz | أعزاز | اعزاز ; city
    tal-rifaat: Tal Rifaat | Tell Rifaat | Tal Rifat | Tell Rifat | تل رفعت ; city
    deir-hafer: Deir Hafer | Dayr Hafir | Deir Hafir ; city
    maskanah: Maskanah | Maskana | Meskene ; city
    safira: Al-Safira | As-Safirah | Safira | السفيرة ; city ; drop=Safir
    atarib: Atarib | Al-Atarib | Al-Athareb | الأتارب ; city
    dabiq: Dabiq | Dabeq ; ctx
    qabasin: Qabasin | Qabbasin | Kabasin ; city
    marea: Marea | Mare'a ; ctx
    nubl: Nubl | Nubul ; ctx
  idlib: Idlib | Idleb | Edleb | إدلب ; city
    maarat-al-numan: Maarat al-Nouman | Maarat al-Numan | Maarrat al-Numan | Ma'arrat al-Nu'man | Maarat an-Numan | Maaret al-Noomane | معرة النعمان ; city
    saraqib: Saraqib | Saraqeb | سراقب ; city
    jisr-al-shughur: Jisr al-Choughour | Jisr al-Shughur | Jisr ash-Shughur | Djisr al-Choughour | Jisr al-Shughour | جسر الشغور ; city
    khan-shaykhun: Khan Cheikhoun | Khan Sheikhoun | Khan Shaykhun | Khan Shaykhoun | خان شيخون ; city
    ariha: Ariha ; ctx
    binnish: Binnish | Benesh ; city
    sarmada: Sarmada | Sermada | سرمدا ; city
    harim: Harim ; ctx
    atmeh: Atmeh | Atmé | camp d'Atmeh ; ctx
    bab-al-hawa: Bab al-Hawa | Bab el-Hawa | Bab al-Haoua | باب الهوى
    kafranbel: Kafranbel | Kafr Nabl | Kafranbul ; city
    taftanaz: Taftanaz ; city
    abu-al-duhur: Abou al-Douhour | Abu al-Duhur | Abu ad-Duhur | Abou Douhour | Abu Dhuhur ; city
  raqqa: Raqqa | Rakka | Raqqah | Ar-Raqqah | Al-Raqqah | Er-Raqqa | Racca | الرقة ; city
    tabqa: Tabqa | Tabaqa | Al-Tabqa | At-Tabqah | الطبقة ; city
    ayn-issa: Aïn Issa | Ain Issa | Ayn Issa | Ain Eissa | عين عيسى ; city
    tell-abyad: Tell Abyad | Tal Abyad | Tall Abyad | Tell Abiad | Girê Spî | تل أبيض ; city
    suluk: Suluk | Slouk | Sluk ; ctx
    maadan: Maadan | Al-Maadan ; ctx
  deir-ez-zor: Deir ez-Zor | Deir el-Zor | Deir Ezzor | Deir al-Zour | Deir ez-Zour | Deir al-Zor | Dayr az Zawr | Dayr al-Zawr | Deir Zor | دير الزور ; city
    abu-kamal: Abou Kamal | Abu Kamal | Al-Boukamal | Al-Bukamal | Albukamal | Boukamal | Bukamal | Abou Kémal | البوكمال ; city
    mayadin: Mayadine | Mayadin | Al-Mayadin | Meyadin | Meyadine ; city ; drop=Al-Mayadeen
    hajin: Hajin | Hadjin | Hajine ; city
    baghuz: Baghouz | Baghuz | Al-Baghuz | Al-Baghouz | Baghouz Fawqani | Baghuz Fawqani | الباغوز
    busayrah: Busayrah | Busaira | Al-Busayrah | Bousseira ; city
    khasham: Khasham | Khusham ; ctx
    shuhayl: Al-Shuhayl | Shuhayl | Shheil ; ctx
    al-omar: champ pétrolier d'al-Omar | champ d'al-Omar | al-Omar oil field | al-Omar oilfield
  hasakah: Hassaké | Hassakeh | Hasakah | Hasaka | Al-Hasakah | Al-Hassakah | Hassakah | Hasseke | الحسكة ; city
    qamishli: Qamichli | Qamishli | Qamishly | Kamechliyé | Qamişlo | Qamishlo | Kamishli | القامشلي ; city
    al-hol: al-Hol | al-Hawl | camp d'al-Hol | camp de Hol | al-Hol camp | Hol camp | مخيم الهول
    roj-camp: camp de Roj | camp Roj | Roj camp
    ghwayran: Ghwayran | Ghweiran | Ghouweiran | Gweiran | prison de Ghwayran | prison de Ghouweiran
    ras-al-ayn: Ras al-Aïn | Ras al-Ain | Ras al-Ayn | Ras el-Aïn | Serê Kaniyê | Serekaniye | رأس العين ; city
    shaddadi: Shaddadi | Al-Shaddadi | Shadadi | Shaddadah | Ash-Shaddadah | الشدادي ; city
    amuda: Amuda | Amouda | Amûdê | عامودا ; city
    malikiyah: Al-Malikiyah | Malikiyah | Derik | Dêrik | المالكية ; city
    tal-tamr: Tal Tamr | Tell Tamer | Tal Tamer | تل تمر ; city
  homs: Homs | Hims | حمص ; city ; drop=Humus/Hums/Khoms/Emesa/Houmousse
    palmyra: Palmyre | Palmyra | Tadmor | Tadmur ; city=Tadmur
    qaryatayn: Al-Qaryatayn | Qaryatayn | Al-Qaryatain | Qaryatein | القريتين ; city
    sukhnah: Al-Sukhnah | Sukhnah | Soukhné | Sukhna | As-Sukhnah ; city
    qusayr: Al-Qusayr | Qusayr | Qoussair | Qusair | Kousseir ; city
    rastan: Rastan | Al-Rastan | Ar-Rastan | الرستن ; city
    talbiseh: Talbiseh | Talbisah | Talbisseh | تلبيسة ; city
    tal-kalakh: Tal Kalakh | Tall Kalakh | Tell Kalakh | تلكلخ ; city
    al-tanf: Al-Tanf | At-Tanf | Tanf | Al-Tanaf | base d'al-Tanf | التنف
    rukban: Rukban | Roukban | camp de Rukban | Al-Rukban | الركبان
    houla: Houla | Al-Houla ; ctx
    tiyas: Tiyas | base T4 | T4 airbase | base aérienne de Tiyas
  hama: Hama | Hamah | Hamat ; city ; drop=Khama/Epiphania/Hamath/Hamao
    salamiyah: Salamiyah | Salamieh | Salamiyeh | Salamiya | Salamya | السلمية ; city
    mhardeh: Mhardeh | Muhradah | Mahardah | محردة ; city
    suqaylabiyah: Suqaylabiyah | Skeilbiyeh | Suqaylabiya | السقيلبية ; city
    kafr-zita: Kafr Zita | Kafr Zeita | كفرزيتا ; city
    latamneh: Latamneh | Al-Lataminah | اللطامنة ; city
    morek: Morek | Murak ; ctx
    masyaf: Masyaf | Misyaf | مصياف ; city
    ithriya: Ithriya | Athriya ; ctx
  latakia: Lattaquié | Latakia | Lattakia | Latakieh | Al-Ladhiqiyah | Ladhiqiyah | اللاذقية ; city ; drop=Laodicea
    jableh: Jablé | Jableh | Jabla | Jebleh | جبلة ; city
    qardaha: Qardaha | Qardahah | Kardaha | Al-Qardaha | القرداحة ; city
    hmeimim: Hmeimim | Hmeymim | Khmeimim | Hmeimim Air Base | base de Hmeimim | base aérienne de Hmeimim | حميميم
    kessab: Kessab | Kassab | Kesab ; ctx
    jabal-al-akrad: Jabal al-Akrad | Djebel al-Akrad | Jebel Akrad | جبل الأكراد
    jabal-turkman: Jabal Turkman | Djebel Turkmène | Jebel Turkmen | جبل التركمان
  tartus: Tartous | Tartus | Tartouss | Tartûs | طرطوس ; city
    baniyas: Baniyas | Banias | Banyas | بانياس ; city
    safita: Safita | Safitah | صافيتا ; city
  daraa: Deraa | Daraa | Dera'a | Dar'a | درعا ; city
    bosra: Bosra | Bosra al-Cham | Busra al-Sham | Bosra al-Sham | بصرى الشام
    nawa: Nawa ; ctx
    inkhil: Inkhil | Inkhel ; ctx
    jasim: Jasim | Jassem ; ctx
    sanamayn: Al-Sanamayn | Sanamayn | Sanamein | As-Sanamayn ; city
    nassib: Nassib | Nasib | Nasib crossing ; ctx
    tafas: Tafas ; ctx
    izra: Izra | Ezraa ; ctx
    yarmouk-basin: bassin de Yarmouk | bassin du Yarmouk | vallée du Yarmouk | vallée de Yarmouk | Yarmouk Basin | Yarmouk Valley | حوض اليرموك
    jamla: Jamla ; ctx
    shajara: Al-Shajara | Shajara | Al-Shajarah | Shajarah ; ctx
  quneitra: Quneitra | Qouneitra | Kuneitra | Al-Qunaytirah | Qunaytirah | القنيطرة ; city
    khan-arnabah: Khan Arnabah | Khan Arnaba ; ctx
  suwayda: Soueïda | Sweida | Suwayda | As-Suwayda | Sweïda | Souweida | Suwaida | السويداء ; city
    shahba: Shahba | Chahba ; ctx
    salkhad: Salkhad | صلخد ; city
    jabal-al-druze: Djebel druze | Jabal al-Druze | Jebel Druze | Jabal al-Arab | جبل العرب
  golan: Golan | plateau du Golan | hauteurs du Golan | Golan Heights | الجولان
  hauran: Hauran | Haouran | Hawran | plaine du Hauran | حوران
  badia: Badiya | Badiyah | Badiat al-Sham | Badiyat al-Sham | désert syrien | Syrian desert | البادية السورية
  rojava: Rojava | Kurdistan syrien | Syrian Kurdistan | Administration autonome du Nord et de l'Est de la Syrie | =AANES | Autonomous Administration of North and East Syria

afghanistan
  kabul: Kaboul | Kabul | Kabol | Caboul ; city
  kandahar: Kandahar | Kandahâr | Qandahar | Candahar | قندهار ; city
    spin-boldak: Spin Boldak | Spin Buldak ; city
    maiwand: Maiwand | Maywand ; ctx
  herat: Hérat | Herat | هرات ; city
    shindand: Shindand ; city
    islam-qala: Islam Qala | Islam Qal'a ; ctx
  nangarhar: Nangarhar | Nangrahar | Ningarhar | ننگرهار | ننجرهار
    jalalabad: Jalalabad | Djalalabad | Jalālābād | جلال آباد ; city
    achin: Achin ; ctx
    tora-bora: Tora Bora | Tora-Bora | تورا بورا
    torkham: Torkham | Torkhum ; city
  kunduz: Kunduz | Koundouz | Qunduz | Kondoz | قندوز ; city
  balkh: Balkh | بلخ
    mazar-i-sharif: Mazar-i-Sharif | Mazar-e Sharif | Mazar-e-Charif | Mazâr-e Charîf | Mazar-i-Charif | مزار شريف ; city=Mazār-e Sharīf
  ghazni: Ghazni | Ghazna | Ghaznî | غزني ; city
  helmand: Helmand | Hilmand | هلمند
    lashkar-gah: Lashkar Gah | Lashkargah | Lachkar Gah | Lashkar Gāh ; city
    sangin: Sangin ; city
    musa-qala: Musa Qala | Moussa Qala | Musa Qal'eh ; city
    marjah: Marjah | Marja | Mardjah ; ctx
    nad-ali: Nad Ali | Nad-e Ali ; ctx
    garmsir: Garmsir ; city
  kunar: Kunar | Konar | Kounar
    asadabad: Asadabad | Asad Abad ; city
  uruzgan: Uruzgan | Oruzgan | Orozgan | Urozgan
    tarin-kot: Tarin Kot | Tarinkot | Tirin Kot ; city
  zabul: Zabul | Zaboul
    qalat: Qalat ; ctx
  paktia: Paktia | Paktiya
    gardez: Gardez | Gardiz ; city
  paktika: Paktika
    sharana: Sharana ; city
  khost: Khost | Khôst | Khowst | خوست ; city
  logar: Logar | Lowgar
    pul-i-alam: Pul-i-Alam | Pol-e Alam | Puli Alam ; city
  wardak: Wardak | Maidan Wardak | Vardak
    maidan-shahr: Maidan Shahr | Maydan Shahr ; city
  parwan: Parwan | Parvan
    charikar: Charikar | Tcharikar ; city
    bagram: Bagram | base de Bagram | Bagram Air Base | Bagram Airfield ; city
  kapisa: Kapisa
  panjshir: Panjshir | Panchir | Pandjchir | Panjsher | vallée du Panchir | Panjshir Valley
  laghman: Laghman
    mehtar-lam: Mehtar Lam | Mihtarlam ; city
  nuristan: Nouristan | Nuristan
  badakhshan: Badakhshan | Badakhchan | بدخشان
    fayzabad: Faizabad | Fayzabad | Feyzabad ; ctx
    wakhan: Wakhan | corridor du Wakhan | Wakhan Corridor
  takhar: Takhar
    taloqan: Taloqan | Taluqan | Talikan ; city
  baghlan: Baghlan
    pul-i-khumri: Pul-i-Khumri | Pol-e Khomri | Puli Khumri ; city
  samangan: Samangan
  jowzjan: Jowzjan | Jawzjan | Djozdjan | Jozjan
    sheberghan: Sheberghan | Shibirghan | Shebergan | Chéberghan ; city
  sar-e-pol: Sar-e Pol | Sar-i-Pul | Sari Pul
  faryab: Faryab
    maymana: Maymana | Meymaneh | Maimana ; city
  badghis: Badghis
    qala-i-naw: Qala-i-Naw | Qal'eh-ye Now ; ctx
  ghor: Ghor | Ghowr
    chaghcharan: Chaghcharan | Firozkoh | Chakhcharan ; city
  farah: Farah ; ctx
  nimruz: Nimroz | Nimruz | Nimrouz
    zaranj: Zaranj | Zarandj ; city
  daykundi: Daykundi | Daikundi
  bamyan: Bamiyan | Bamyan | Bâmiyân ; city=Bamyan

pakistan
  islamabad: Islamabad ; city
  punjab: Pendjab | Punjab | Panjab ; ctx
    lahore: Lahore ; city
    rawalpindi: Rawalpindi ; city
    faisalabad: Faisalabad | Lyallpur ; city
    multan: Multan | Moultan ; city
    bahawalpur: Bahawalpur ; city
  sindh: Sindh | Sind | سندھ
    karachi: Karachi | Karatchi | كراتشي ; city
    hyderabad-pakistan: Hyderabad | Haiderabad ; ctx
    sukkur: Sukkur ; city
    larkana: Larkana ; city
  khyber-pakhtunkhwa: Khyber Pakhtunkhwa | =KPK | Pakhtunkhwa | province de la Frontière-du-Nord-Ouest | North-West Frontier Province | =NWFP
    peshawar: Peshawar | Péshawar | Pechawar | بيشاور ; city
    waziristan: Waziristan
      north-waziristan: Nord-Waziristan | Waziristan du Nord | North Waziristan
        miranshah: Miranshah | Miram Shah | Miramshah ; city
        mir-ali: Mir Ali ; ctx
      south-waziristan: Sud-Waziristan | Waziristan du Sud | South Waziristan
        wana: Wana ; ctx
    fata: zones tribales | régions tribales | =FATA | Federally Administered Tribal Areas | tribal areas ; ctx
    bajaur: Bajaur | Bajour ; ctx
    khyber-district: Khyber | district de Khyber | Khyber District | passe de Khyber | Khyber Pass ; ctx
    kurram: Kurram ; ctx
    parachinar: Parachinar ; city
    orakzai: Orakzai ; ctx
    mohmand: Mohmand ; ctx
    swat: =Swat | vallée de Swat | vallée du Swat | Swat Valley ; ctx
    mingora: Mingora | Mingaora ; city
    bannu: Bannu ; city
    dera-ismail-khan: Dera Ismail Khan | Dera Ismaïl Khan ; city
    kohat: Kohat ; city
    mardan: Mardan ; city
    chitral: Chitral ; city
    abbottabad: Abbottabad | Abbotabad ; city
  balochistan: Baloutchistan | Balouchistan | Balochistan | Baluchistan | بلوشستان
    quetta: Quetta | Kouetta ; city
    gwadar: Gwadar ; city
    turbat: Turbat ; city
    mastung: Mastung ; city
    zhob: Zhob ; city
    chaman: Chaman ; city
    khuzdar: Khuzdar ; city
  gilgit-baltistan: Gilgit-Baltistan | Gilgit | Baltistan
  azad-kashmir: Azad Cachemire | Azad Kashmir | Azad Jammu and Kashmir | Cachemire pakistanais | Pakistan-administered Kashmir | Cachemire sous administration pakistanaise | =Cachemire | Kashmir ; ctx
    muzaffarabad: Muzaffarabad ; city

iran
  tehran: Téhéran | Tehran | Teheran | طهران ; city
    parchin: Parchin
  isfahan: Ispahan | Isfahan | Esfahan | أصفهان ; city
    natanz: Natanz ; city
  qom: Qom | Ghom ; city
    fordo: Fordo | Fordow | Fordou | فوردو
  razavi-khorasan: Khorasan-e Razavi | Khorasan Razavi | Razavi Khorasan
    mashhad: Mashhad | Machhad | Mechhed | مشهد ; city
  khuzestan: Khouzistan | Khuzestan | Khuzistan | خوزستان
    ahvaz: Ahvaz | Ahwaz | Al-Ahwaz | الأهواز ; city
    abadan: Abadan ; city
    khorramshahr: Khorramshahr ; city
  sistan-baluchestan: Sistan-Baloutchistan | Sistan-et-Baloutchistan | Sistan and Baluchestan | Sistan-Baluchestan | Sistan and Baluchistan | سيستان وبلوشستان
    zahedan: Zahedan | زاهدان ; city ; drop=Zaidan
    chabahar: Chabahar | Tchabahar ; city
    saravan: Saravan ; ctx
  kurdistan-iran: Kurdistan iranien | Iranian Kurdistan
    sanandaj: Sanandaj | Sanandadj ; city
    marivan: Marivan ; city
  kermanshah: Kermanshah | Kermânchâh | كرمانشاه ; city
  west-azerbaijan: Azerbaïdjan occidental | Azerbaïdjan-Occidental | West Azerbaijan
    urmia: Ourmia | Urmia | Orumiyeh | Oroumieh | Urumiyeh ; city=Urmia
    mahabad: Mahabad ; city
  east-azerbaijan: Azerbaïdjan oriental | Azerbaïdjan-Oriental | East Azerbaijan
    tabriz: Tabriz | تبريز ; city
  fars: Fars | province du Fars ; ctx
    shiraz: Chiraz | Shiraz | شيراز ; city
  kerman: Kerman | Kermân | كرمان ; city
  bushehr: Bouchehr | Bushehr | Bouchir | بوشهر ; city
    kharg: île de Kharg | Kharg Island | Kharg
  hormozgan: Hormozgan
    bandar-abbas: Bandar Abbas | Bandar-Abbas | بندر عباس ; city
    jask: Jask ; city
    strait-of-hormuz: détroit d'Ormuz | détroit d'Hormuz | Strait of Hormuz | Ormuz | Hormuz | مضيق هرمز
  gilan: Gilan | Guilan
    rasht: Racht | Rasht ; city
  mazandaran: Mazandaran | Mazandéran
  golestan: Golestan
  ardabil: Ardabil | Ardebil ; city
  zanjan: Zanjan ; city
  qazvin: Qazvin | Kazvin ; city
  hamadan: Hamadan | Hamedan ; city
  lorestan: Lorestan | Luristan
  ilam: Ilam ; ctx
  markazi: Markazi
    arak: Arak ; ctx
  semnan: Semnan ; city
  yazd: Yazd | Yezd ; city
  alborz: Alborz
    karaj: Karaj | Karadj ; city
  kohgiluyeh: Kohgiluyeh-et-Boyer-Ahmad | Kohgiluyeh and Boyer-Ahmad
  chaharmahal: Chaharmahal-et-Bakhtiari | Chaharmahal and Bakhtiari
  north-khorasan: Khorasan du Nord | North Khorasan
  south-khorasan: Khorasan du Sud | South Khorasan

turkey
  istanbul: Istanbul | Stamboul | إسطنبول ; city
  ankara: Ankara | أنقرة ; city
  izmir: Izmir | Smyrne ; city
  gaziantep: Gaziantep | Antep ; city
  sanliurfa: Şanlıurfa | Sanliurfa | Urfa ; city
    suruc: Suruç ; city
    akcakale: Akçakale ; city
    ceylanpinar: Ceylanpınar | Ceylanpinar ; city
  diyarbakir: Diyarbakır | Diyarbakir ; city ; drop=Amed
  hatay: Hatay
    antakya: Antakya | Antioche | Antioch ; city
    reyhanli: Reyhanlı | Reyhanli ; city
    iskenderun: Iskenderun | Alexandrette ; city
  kilis: Kilis ; city
  mardin: Mardin ; city
    nusaybin: Nusaybin ; city
  sirnak: Şırnak | Sirnak ; city
    cizre: Cizre ; city
    silopi: Silopi ; city
  hakkari: Hakkari | Hakkâri ; city
  van: =Van | lac de Van ; ctx
  batman: Batman ; ctx
  adana: Adana ; city
    incirlik: Incirlik | base d'Incirlik | Incirlik Air Base
  mersin: Mersin ; city
  antalya: Antalya ; city
  bursa: Bursa ; city
  konya: Konya ; city
  kayseri: Kayseri ; city
  tunceli: Tunceli | Dersim ; city
  bingol: Bingöl | Bingol ; city
  bitlis: Bitlis ; city
  siirt: Siirt ; city
  kahramanmaras: Kahramanmaraş | Kahramanmaras ; city
  adiyaman: Adıyaman | Adiyaman ; city
  malatya: Malatya ; city
  elazig: Elazığ | Elazig ; city
  erzurum: Erzurum ; city
  trabzon: Trabzon | Trébizonde ; city
  edirne: Edirne | Andrinople ; city
  kurdistan-turkey: Kurdistan turc | Turkish Kurdistan | Kurdistan de Turquie

israel
  jerusalem: Jérusalem | Jerusalem | Yerushalayim | القدس ; city ; drop=Al Quds/Al-Quds/Al-Kuds/El Kuds/Ariel
  tel-aviv: Tel-Aviv | Tel Aviv | Tel Aviv-Jaffa | تل أبيب ; city=Tel Aviv
    jaffa: Jaffa | Yafo ; ctx
  haifa: Haïfa | Haifa | حيفا ; city
  eilat: Eilat | Eïlat | إيلات ; city
  ashkelon: Ashkelon | Ashqelon | Ascalon | Askelon | عسقلان ; city
  ashdod: Ashdod | أسدود ; city
  sderot: Sdérot | Sderot | سديروت ; city
  beersheba: Beersheba | Beer-Sheva | Beersheva | Be'er Sheva | Bersabée | بئر السبع ; city
  netanya: Netanya | Natanya ; city
  nazareth: Nazareth | الناصرة ; city
  acre: Saint-Jean-d'Acre | =Acre | Akko | عكا ; ctx
  kiryat-shmona: Kiryat Shmona | Qiryat Shemona | Kiryat Shemona ; city
  metula: Metula | Métoula ; city
  nahariya: Nahariya | Naharia ; city
  dimona: Dimona ; city
  ofakim: Ofakim ; city
  herzliya: Herzliya ; city
  negev: Néguev | Negev | النقب
  galilee: Galilée | Galilee | الجليل

palestine
  gaza-strip: bande de Gaza | Gaza Strip | Gaza | غزة | قطاع غزة
    gaza-city: ville de Gaza | Gaza City | Gaza-ville | مدينة غزة ; city=Gaza
    rafah: Rafah | رفح ; city ; drop=Rafa
    khan-younis: Khan Younès | Khan Younis | Khan Yunis | Khan Younes | خان يونس ; city
    deir-al-balah: Deir el-Balah | Deir al-Balah | Dayr al-Balah | دير البلح ; city
    jabalia: Jabaliya | Jabalia | Jabalya | Djabalia | جباليا ; city
    beit-lahia: Beit Lahia | Beit Lahiya | Beït Lahia | بيت لاهيا ; city
    beit-hanoun: Beit Hanoun | Beit Hanun | Beït Hanoun | بيت حانون ; city
    nuseirat: Nousseirat | Nuseirat | Nusseirat | النصيرات ; city
    bureij: Bureij | Boureij | البريج ; city
    maghazi: Maghazi | Al-Maghazi ; city
    shujaiya: Chajaïya | Shujaiya | Shejaiya | Shuja'iyya | Chejaiya | الشجاعية
    zeitoun: Zeitoun | Zaytoun ; ctx
    mawasi: Al-Mawasi | Mawasi | المواصي
    philadelphi-corridor: corridor de Philadelphie | axe de Philadelphie | Philadelphi corridor | Philadelphi Route | محور فيلادلفيا
    netzarim: Netzarim | corridor de Netzarim | Netzarim corridor
  west-bank: Cisjordanie | West Bank | Judée-Samarie | Judea and Samaria | الضفة الغربية
    east-jerusalem: Jérusalem-Est | East Jerusalem | القدس الشرقية
    jenin: Jénine | Jenin | Djénine | Jenine ; city
    nablus: Naplouse | Nablus | نابلس ; city
    ramallah: Ramallah | رام الله ; city
    hebron: Hébron | Hebron ; city
    bethlehem: Bethléem | Bethlehem | بيت لحم ; city
    tulkarm: Tulkarem | Tulkarm | Toulkarem | طولكرم ; city
    qalqilya: Qalqilya | Kalkilya | Qalqiliya | قلقيلية ; city
    jericho: Jéricho | Jericho ; city ; drop=Ariha
    tubas: Tubas | Toubas | طوباس ; city
    salfit: Salfit ; city
    huwara: Huwara | Hawara | Huwwara ; ctx
    balata: Balata | camp de Balata | Balata camp ; ctx
    nur-shams: Nour Shams | Nur Shams | camp de Nour Shams
    jordan-valley: vallée du Jourdain | Jordan Valley | غور الأردن

lebanon
  beirut: Beyrouth | Beirut | Bayrut | Beyrout | بيروت ; city ; drop=Berytus/Berytos
    dahieh: Dahieh | Dahiyeh | Dahiya | Dahiyé | banlieue sud de Beyrouth | southern suburbs of Beirut
  mount-lebanon: Mont-Liban | Mount Lebanon | جبل لبنان
    baabda: Baabda | بعبدا ; city
    aley: Aley ; ctx
    chouf: Chouf | Shouf | الشوف
  keserwan-jbeil: Keserwan-Jbeil | Kesrouan | Keserwan
    jounieh: Jounieh | Juniyah | Jounié | جونية ; city
    byblos: Byblos | Jbeil | Jbail | جبيل ; city
  north-lebanon: Liban-Nord | Nord-Liban | North Lebanon | شمال لبنان
    tripoli-lebanon: Tripoli | Trablous | Tarablus | Tripoli du Liban | طرابلس ; ctx
    zgharta: Zgharta ; city
    batroun: Batroun ; city
    minieh: Minieh | Miniyeh ; ctx
  akkar: Akkar | عكار
    halba: Halba ; ctx
    nahr-el-bared: Nahr el-Bared | Nahr al-Bared | camp de Nahr el-Bared | نهر البارد
  bekaa: Bekaa | Béqaa | Beqaa | Bekaa Valley | vallée de la Bekaa | plaine de la Bekaa | البقاع
    zahle: Zahlé | Zahle | Zahleh | زحلة ; city
  baalbek-hermel: Baalbek-Hermel | Baalbeck-Hermel
    baalbek: Baalbek | Baalbeck | بعلبك ; city
    hermel: Hermel | Al-Hermel | الهرمل ; city
    arsal: Arsal | Ersal | Aarsal | عرسال ; city
  south-lebanon: Liban-Sud | Sud-Liban | South Lebanon | Southern Lebanon | sud du Liban | جنوب لبنان
    saida: Saïda | Sidon | Sayda | صيدا ; ctx
    tyre: =Tyr | =Tyre ; ctx
    ain-el-hilweh: Aïn el-Héloué | Ain al-Hilweh | Ain el-Hilweh | Ein el-Hilweh | عين الحلوة
    naqoura: Naqoura | Naqura | الناقورة ; city
    qana: Qana ; ctx
  nabatieh: Nabatieh | Nabatiyeh | Nabatiye | النبطية ; city
    bint-jbeil: Bint Jbeil | Bint Jbail | بنت جبيل ; city
    marjayoun: Marjayoun | Marjeyoun | Marjayun | مرجعيون ; city
    khiam: Khiam | Al-Khiam | Khiyam ; ctx
    shebaa-farms: fermes de Chebaa | Shebaa Farms | Chebaa | Shebaa | مزارع شبعا

yemen
  sanaa: Sanaa | Sana'a | Sanâa | صنعاء ; city ; drop=Sano/Sanao
  aden: Aden | عدن ; city ; drop=Adan
  taiz: Taëz | Taiz | Taizz | Ta'izz | تعز ; city
  hodeidah: Hodeïda | Hodeidah | Hudaydah | Al-Hudaydah | Hodeida | الحديدة ; city
    ras-isa: Ras Isa | Ras Issa ; ctx
  marib: Marib | Ma'rib | Mareb | مأرب ; city
  shabwa: Shabwa | Shabwah | Chabwa | Chabwah | شبوة
    ataq: Ataq | Attaq ; city
    azzan: Azzan ; ctx
  abyan: Abyan | Abyane | أبين
    zinjibar: Zinjibar | Zindjibar ; city
    jaar: Jaar | Ja'ar ; ctx
    lawdar: Lawdar | Loder ; city
  hadramaut: Hadramaout | Hadramaut | Hadramawt | Hadhramaut | Hadramout | Hadhramout | حضرموت
    mukalla: Moukalla | Mukalla | Al-Mukalla | المكلا ; city
    seiyun: Seiyun | Sayun | Say'un | Seyoun ; city
    tarim: Tarim ; ctx
    shibam: Shibam ; ctx
  lahij: Lahij | Lahej | Lahj | لحج ; city
  dhale: Dhale | Al-Dhale | Al-Dhalea | Ad-Dali' | الضالع
  al-bayda: Al-Bayda | Bayda | Beïda ; ctx
  al-jawf-yemen: Al-Jawf | Jawf ; ctx
  saada: Saada | Sa'dah | Saadah | Sa'ada | صعدة ; city
  hajjah: Hajjah | Hajja ; ctx
    harad: Harad | Haradh ; ctx
  ibb: Ibb ; ctx
  dhamar: Dhamar | Thamar | ذمار ; city
  amran: Amran ; ctx
  raymah: Raymah | Rayma ; ctx
  mahwit: Al-Mahwit | Mahwit
  mahra: Al-Mahra | Mahra | Al-Mahrah | المهرة
    ghaydah: Al-Ghaydah | Ghaydah | Al-Ghayda ; city
  socotra: Socotra | Soqotra | Socotora | سقطرى
  mocha: =Mocha | =Mokha | Al-Mukha | Al-Makha | المخا ; ctx
  bab-el-mandeb: Bab el-Mandeb | Bab al-Mandab | détroit de Bab el-Mandeb | باب المندب

saudi-arabia
  riyadh: Riyad | Riyadh | Ar-Riyad | الرياض ; city
  jeddah: Djeddah | Jeddah | Jiddah ; city
  mecca: La Mecque | Mecque | Mecca | Makkah | مكة ; city=Mecca
  medina: =Médine | =Medina | Madinah | المدينة المنورة
  abqaiq: Abqaiq | Buqayq ; city

jordan
  amman: Amman ; city ; drop=Philadelphia
  zarqa: Zarqa | Zarka | Az-Zarqa ; city
  irbid: Irbid ; city
  maan: Ma'an | Maan ; ctx

kuwait
  kuwait-city: Koweït City | Kuwait City | Koweït-City | ville de Koweït
qatar
  doha: Doha | الدوحة ; city
united-arab-emirates
  abu-dhabi: Abou Dhabi | Abu Dhabi | أبوظبي | أبو ظبي ; city
  dubai: Dubaï | Dubai | دبي ; city
bahrain
  manama: Manama | المنامة ; city
oman
  muscat: Mascate | Muscat | مسقط ; city

libya
  tripolitania: Tripolitaine | Tripolitania
    tripoli: Tripoli | Tarabulus | Trablus | طرابلس ; city=Tripoli
    misrata: Misrata | Misurata | Misratah | مصراتة ; city
    zawiya: Zawiya | Zawiyah | Az-Zawiyah | Zawia ; city
    zuwara: Zouara | Zuwara | Zuwarah | Zwara | زوارة ; city
    sabratha: Sabratha | Sabrata | صبراتة ; city
    gharyan: Gharyan | Ghariane | Gharian | غريان ; city
    tarhuna: Tarhouna | Tarhuna | Tarhunah | ترهونة ; city
    bani-walid: Bani Walid | Beni Walid | Bani Oualid | بني وليد ; city
    sirte: Syrte | Sirte | Sirt | Surt | سرت ; city
    khoms: Khoms | Al-Khoms | Al-Khums | Khums ; city=Al Khums ; drop=Homs/Hums
    zintan: Zintan | Al-Zintan | Zentan | الزنتان ; city
    nalut: Nalut | Nalout | نالوت ; city
    ghadames: Ghadamès | Ghadames | Ghadamis | غدامس ; city
    ras-jdir: Ras Jedir | Ras Ajdir | Ras Jdir ; ctx
  cyrenaica: Cyrénaïque | Cyrenaica
    benghazi: Benghazi | Bengazi | Banghazi | بنغازي ; city ; drop=Berenice/Hesperides
    derna: Derna | Darnah | درنة ; city
    tobruk: Tobrouk | Tobruk | Tubruq | طبرق ; city
    bayda-libya: Al-Bayda | El-Beida | Beida ; ctx
    ajdabiya: Ajdabiya | Ajdabiyah | Ajedabia | Adjedabia | أجدابيا ; city
    marj: Al-Marj | El-Marj ; ctx
    kufra: Koufra | Kufra | Al-Kufrah | Kufrah | الكفرة ; city
    brega: Brega | Marsa el-Brega | Marsa al-Brega | Al-Burayqah | البريقة ; city
    ras-lanuf: Ras Lanouf | Ras Lanuf | راس لانوف ; city
    sidra: Es Sider | Al-Sidra | Ras Sidra ; ctx
  oil-crescent: croissant pétrolier | Oil Crescent | الهلال النفطي
  fezzan: Fezzan | Fazzan | فزان
    sabha: Sebha | Sabha | سبها ; city
    ubari: Oubari | Ubari | Awbari | Obari | أوباري ; city
    murzuq: Mourzouk | Murzuq | Murzuk | Marzuq | مرزق ; city
    ghat: Ghat ; ctx
    qatrun: Al-Qatrun | Qatrun | Gatrone | القطرون ; city
    jufra: Al-Jufra | Jufra | Joufra | الجفرة

egypt
  sinai: Sinaï | Sinai | péninsule du Sinaï | Sinai Peninsula | سيناء
    north-sinai: Nord-Sinaï | Sinaï-Nord | Sinaï du Nord | nord du Sinaï | North Sinai | Northern Sinai | شمال سيناء
      el-arish: El-Arich | Al-Arich | El Arish | Al-Arish | Arish | العريش ; city ; drop=Aris
      sheikh-zuweid: Cheikh Zuweid | Sheikh Zuweid | Sheikh Zuwayed | Cheikh Zouweid | Sheikh Zuwaid | الشيخ زويد ; city
      rafah-egypt: Rafah | Rafah égyptienne | Egyptian Rafah ; ctx
      bir-al-abd: Bir al-Abd | Bir al-Abed | Bir el-Abd | بئر العبد ; city
      jabal-halal: Jabal Halal | Djebel Halal | Gebel Halal | جبل الحلال
    south-sinai: Sud-Sinaï | Sinaï-Sud | Sinaï du Sud | sud du Sinaï | South Sinai | Southern Sinai | جنوب سيناء
      sharm-el-sheikh: Charm el-Cheikh | Sharm el-Sheikh | Sharm al-Sheikh | شرم الشيخ ; city
      taba: Taba ; ctx
      dahab: Dahab ; ctx
  cairo: Le Caire | Caire | Cairo | Al-Qahira | El-Qahira | القاهرة ; city
  giza: Gizeh | Giza | Guizeh | Al-Jizah | الجيزة ; city
  alexandria: Alexandrie | Alexandria | الإسكندرية ; city
  suez: Suez ; ctx
  suez-canal: canal de Suez | Suez Canal | قناة السويس
  ismailia: Ismaïlia | Ismailia | Ismailiya | الإسماعيلية ; city
  port-said: =Port-Saïd | بورسعيد | بور سعيد ; city
  minya: Minya | Minia | El-Minya | Al-Minya | Menia | المنيا ; city
  assiut: Assiout | Asyut | Assiut | Asyout | أسيوط ; city
  sohag: Sohag | Sawhaj | سوهاج ; city
  luxor: Louxor | Luxor | الأقصر ; city
  aswan: Assouan | Aswan | أسوان ; city
  beni-suef: Beni Suef | Beni Souef | Bani Suwayf | بني سويف ; city
  fayoum: Fayoum | Faiyum | Al-Fayyum | Fayum | الفيوم ; city
  tanta: Tanta | طنطا ; city
  mansoura: Mansourah | Mansoura | El-Mansoura | Al-Mansurah ; city
  damietta: Damiette | Damietta | Dumyat | دمياط ; city
  hurghada: Hurghada | Hourghada | الغردقة ; city
  marsa-matruh: Marsa Matrouh | Marsa Matruh | Mersa Matruh | مرسى مطروح ; city

algeria
  algiers: Alger | Algiers ; city
  in-amenas: In Amenas | Tiguentourine
  tamanrasset: Tamanrasset ; city
tunisia
  tunis: Tunis ; city
  sousse: Sousse ; city
  ben-guerdane: Ben Guerdane | Ben Gardane ; city
  kasserine: Kasserine ; city
  chaambi: Jebel Chaambi | djebel Chaambi | mont Chaambi | Chaambi
morocco
  rabat: =Rabat ; city
  casablanca: Casablanca ; city
  marrakech: Marrakech | Marrakesh ; city
mauritania
  nouakchott: Nouakchott ; city

mali
  bamako: Bamako | باماكو ; city
  kayes: Kayes ; city
    nioro: Nioro du Sahel | Nioro ; city=Nioro du Sahel
    diema: Diéma ; ctx
  koulikoro: Koulikoro ; city
    kati: Kati ; ctx
    kolokani: Kolokani ; city
    banamba: Banamba ; city
  sikasso: Sikasso ; city
    koutiala: Koutiala ; city
    bougouni: Bougouni ; city
  segou: Ségou | Segu ; city
    niono: Niono ; city
    markala: Markala ; city
    farabougou: Farabougou
    diabaly: Diabaly ; city
    nampala: Nampala ; ctx
  mopti: Mopti ; city
    sevare: Sévaré ; city
    djenne: Djenné | Jenne ; city
    bandiagara: Bandiagara ; city
    douentza: Douentza ; city
    hombori: Hombori ; city
    boulkessi: Boulkessi | Boulkessy
    ogossagou: Ogossagou
    moura: Moura ; ctx
    tenenkou: Ténenkou ; city
    youwarou: Youwarou ; city
    inner-niger-delta: delta intérieur du Niger | delta central du Niger | Inner Niger Delta
  timbuktu: Tombouctou | Timbuktu | Tombuctu | Timbuctoo | تمبكتو ; city
    goundam: Goundam ; city
    niafunke: Niafunké ; city
    lere: Léré ; ctx
    gourma-rharous: Gourma-Rharous | Rharous
  gao: =Gao ; ctx
    ansongo: Ansongo ; city
    bourem: Bourem ; city
    tessit: Tessit ; ctx
  kidal: Kidal | كيدال ; city
    tessalit: Tessalit ; city
    aguelhok: Aguelhok | Aguelhoc | Aguel'hoc ; city
    anefis: Anéfis ; ctx
    tin-essako: Tin-Essako | Tinessako ; ctx
    tinzaouaten: Tinzaouatène | Tin Zaouatene | Tinzawatene
    adrar-des-ifoghas: Adrar des Ifoghas | Adrar des Iforas | Ifoghas
  menaka: Ménaka ; city
    anderamboukane: Andéramboukane
    inekar: Inékar ; ctx
  taoudenit: Taoudénit | Taoudéni | Taoudenni
  azawad: Azawad | Azaouad | أزواد

burkina-faso
  burkina-centre: région du Centre ; ctx
    ouagadougou: Ouagadougou | =Ouaga | واغادوغو ; city
  hauts-bassins: Hauts-Bassins
    bobo-dioulasso: Bobo-Dioulasso | Bobo-Dioulaso ; city
    hounde: Houndé ; ctx
  boucle-du-mouhoun: Boucle du Mouhoun | Mouhoun
    dedougou: Dédougou ; city
    nouna: Nouna ; city
    tougan: Tougan ; city
    solenzo: Solenzo ; city
  burkina-sahel: Sahel burkinabè | région du Sahel burkinabè
    dori: Dori ; ctx
    djibo: Djibo ; city
    gorom-gorom: Gorom-Gorom ; city
    sebba: Sebba ; city
    arbinda: Arbinda ; city
    solhan: Solhan
    seytenga: Seytenga
    mansila: Mansila
    markoye: Markoye
    soum: Soum | province du Soum ; ctx
    oudalan: Oudalan
    seno: Séno | province du Séno ; ctx
    yagha: Yagha
  burkina-nord: région du Nord ; ctx
    ouahigouya: Ouahigouya ; city
    titao: Titao ; city
    thiou: Thiou ; ctx
    gourcy: Gourcy ; city
    yako: Yako ; ctx
    loroum: Loroum
    yatenga: Yatenga
  centre-nord: =Centre-Nord | région du Centre-Nord ; ctx
    kaya: Kaya ; ctx
    kongoussi: Kongoussi ; city
    barsalogho: Barsalogho ; city
    boulsa: Boulsa ; city
    pissila: Pissila ; city
    sanmatenga: Sanmatenga
  burkina-est: région de l'Est ; ctx
    fada-ngourma: Fada N'Gourma | Fada Ngourma ; city=Fada N'gourma
    diapaga: Diapaga ; city
    pama: Pama ; ctx
    kantchari: Kantchari ; city
    gayeri: Gayéri ; city
    bogande: Bogandé ; city
    gourma-province: province du Gourma ; ctx
    tapoa: Tapoa
    kompienga: Kompienga
    gnagna: Gnagna
    komondjari: Komondjari
  centre-est: =Centre-Est | région du Centre-Est ; ctx
    tenkodogo: Tenkodogo ; city
    koupela: Koupéla ; city
  centre-ouest: =Centre-Ouest | région du Centre-Ouest ; ctx
    koudougou: Koudougou ; city
  centre-sud: =Centre-Sud | région du Centre-Sud ; ctx
    manga: Manga ; ctx
  plateau-central: =Plateau-Central | région du Plateau-Central ; ctx
    ziniare: Ziniaré ; city
  cascades: =Cascades | région des Cascades ; ctx
    banfora: Banfora ; city
  burkina-sud-ouest: région du Sud-Ouest ; ctx
    gaoua: Gaoua ; city
    diebougou: Diébougou ; city

niger
  niamey: Niamey | نيامي ; city
  tillaberi: Tillabéri | Tillabery ; city
    ouallam: Ouallam ; city
    ayorou: Ayorou ; city
    tera: Téra ; ctx
    abala: Abala ; ctx
    banibangou: Banibangou ; city
    inates: Inatès
    chinagodrar: Chinagodrar
    tongo-tongo: Tongo Tongo
    torodi: Torodi ; city
    makalondi: Makalondi ; city
    filingue: Filingué ; city
  tahoua: Tahoua ; city
    tillia: Tillia ; ctx
    tassara: Tassara ; ctx
    konni: Birni-N'Konni | Konni ; city=Birni N Konni
  diffa: Diffa ; city
    bosso: Bosso ; ctx
    nguigmi: N'Guigmi | Nguigmi ; city
    maine-soroa: Mainé-Soroa ; city
    toumour: Toumour
  agadez: Agadez | Agadès | أغاديس ; city
    arlit: Arlit ; city
    bilma: Bilma ; city
    dirkou: Dirkou ; city
    assamaka: Assamaka
    madama: Madama | base de Madama ; ctx
    djado: Djado | plateau du Djado
    air-mountains: massif de l'Aïr | monts de l'Aïr | Aïr Mountains
  maradi: Maradi ; city
  zinder: Zinder ; city
  dosso: Dosso ; city

chad
  ndjamena: N'Djamena | Ndjamena | N'Djaména ; city
  lake-chad: lac Tchad | Lake Chad | bassin du lac Tchad | Lake Chad Basin
cameroon
  yaounde: Yaoundé ; city
  douala: Douala ; city
  far-north-cameroon: Extrême-Nord | région de l'Extrême-Nord | Far North Region ; ctx
    maroua: Maroua ; city
    kolofata: Kolofata ; city
    mora: Mora ; ctx

nigeria
  fct: Territoire de la capitale fédérale | Federal Capital Territory | =FCT
    abuja: Abuja | Abouja | أبوجا ; city
  borno: Borno | État de Borno | Borno State
    maiduguri: Maiduguri | Maïduguri ; city
    bama: Bama ; ctx
    gwoza: Gwoza ; city
    konduga: Konduga ; city
    monguno: Monguno ; city
    baga: Baga ; ctx
    dikwa: Dikwa ; city
    damboa: Damboa ; city
    chibok: Chibok
    marte: Marte ; ctx
    ngala: Ngala ; ctx
    malam-fatori: Malam Fatori
    sambisa: Sambisa | forêt de Sambisa | Sambisa Forest
  yobe: Yobe | État de Yobe | Yobe State
    damaturu: Damaturu ; city
    potiskum: Potiskum ; city
    geidam: Geidam | Gaidam ; city
    buni-yadi: Buni Yadi ; city
  adamawa: Adamawa | État d'Adamawa | Adamawa State
    yola: Yola ; city
    mubi: Mubi ; ctx
    michika: Michika ; city
    madagali: Madagali
  zamfara: Zamfara | État de Zamfara | Zamfara State
    gusau: Gusau ; city
    anka: Anka ; ctx
    tsafe: Tsafe ; city
    zurmi: Zurmi ; city
  katsina: Katsina ; city
    kankara: Kankara ; city
  kaduna: Kaduna ; city
    zaria: Zaria ; city
  kano: Kano ; city
  sokoto: Sokoto ; city
  kebbi: Kebbi | État de Kebbi | Kebbi State
    birnin-kebbi: Birnin Kebbi ; city
  niger-state: Niger State | État de Niger
    minna: Minna ; ctx
  plateau-state: Plateau State | État du Plateau
    jos: =Jos ; ctx
  benue: Benue | Bénoué | Benue State | État de Benue ; ctx
    makurdi: Makurdi ; city
  lagos: Lagos ; city
  rivers-state: Rivers State | État de Rivers
    port-harcourt: Port Harcourt ; city
  delta-state: Delta State | État du Delta
    warri: Warri ; city
  niger-delta: delta du Niger | Niger Delta
  bayelsa: Bayelsa
    yenagoa: Yenagoa ; city
  akwa-ibom: Akwa Ibom
    uyo: =Uyo ; ctx
  cross-river: Cross River | Cross River State | État de Cross River
    calabar: Calabar ; city
  imo: Imo State | État d'Imo
    owerri: Owerri ; city
  anambra: Anambra
    onitsha: Onitsha ; city
    awka: Awka ; city
  enugu: Enugu ; city
  ebonyi: Ebonyi
    abakaliki: Abakaliki ; city
  abia: Abia | Abia State
    umuahia: Umuahia ; city
  edo: Edo State | État d'Edo
    benin-city: Benin City ; city
  ondo: Ondo | Ondo State
    akure: Akure ; city
  ekiti: Ekiti
    ado-ekiti: Ado-Ekiti ; city
  osun: Osun
    osogbo: Osogbo | Oshogbo ; city
  oyo: Oyo State | État d'Oyo
    ibadan: Ibadan ; city
  ogun: Ogun
    abeokuta: Abeokuta ; city
  kwara: Kwara
    ilorin: Ilorin ; city
  kogi: Kogi
    lokoja: Lokoja ; city
  nasarawa: Nasarawa | Nassarawa
    lafia: Lafia ; city
  taraba: Taraba
    jalingo: Jalingo ; city
  gombe: Gombe ; city
  bauchi: Bauchi ; city
  jigawa: Jigawa
    dutse: Dutse ; city

somalia
  banadir: Banadir | Benadir
    mogadishu: Mogadiscio | Mogadishu | Muqdisho | Xamar | مقديشو ; city
  jubaland: Jubaland | Djoubaland | Jubbaland
    lower-juba: Bas-Juba | Basse-Juba | Lower Juba | Jubbada Hoose
      kismayo: Kismayo | Kismaayo | Kisimayo | Chisimaio | Kismayu | كيسمايو ; city
      jamame: Jamame | Jamaame ; city
      afmadow: Afmadow | Afmadu ; city
      ras-kamboni: Ras Kamboni
    middle-juba: Moyen-Juba | Middle Juba | Jubbada Dhexe
      jilib: Jilib ; city
      bu-aale: Bu'aale | Buaale ; city
    gedo: Gedo
      bardera: Bardera | Baardheere ; city=Baardheere
      garbaharey: Garbahaarey | Garbaharey ; city
      luuq: Luuq | Lugh ; city
      beled-hawo: Beled Hawo | Bulo Hawo | Belet Xaawo ; city=Beled Hawo
  south-west-state: État du Sud-Ouest | South West State | South West State of Somalia | Koonfur Galbeed
    bay-region: région de Bay | Bay region ; ctx
      baidoa: Baidoa | Baydhabo | Baïdoa ; city
      dinsor: Dinsor | Diinsoor ; city
      burhakaba: Burhakaba | Bur Hakaba ; city
    bakool: Bakool | Bakol
      hudur: Hudur | Xuddur | Oddur ; city
      wajid: Wajid | Waajid ; city
    lower-shabelle: Bas-Shabelle | Basse-Shabelle | Lower Shabelle | Shabeellaha Hoose
      marka: Marka | Merca | Merka ; ctx
      barawe: Barawe | Baraawe | Brawa ; city ; drop=Brava
      afgoye: Afgoye | Afgooye ; city
      qoryoley: Qoryoley ; city
      wanlaweyn: Wanlaweyn | Wanla Weyn ; city
  hirshabelle: Hirshabelle | Hir-Shabelle
    hiiraan: Hiiraan | Hiran | Hiraan
      beledweyne: Beledweyne | Belet Weyne | Beletweyne | Belet Uen ; city
      bulo-burde: Bulo Burde | Bulobarde | Buulobarde ; city
    middle-shabelle: Moyen-Shabelle | Middle Shabelle | Shabeellaha Dhexe
      jowhar: Jowhar | Jawhar | Giohar ; city ; drop=Johar
      adale: Adale | Cadale ; ctx
  galmudug: Galmudug
    galguduud: Galgaduud | Galguduud
      dhusamareb: Dhusamareb | Dhuusamarreeb | Dusa Mareb ; city
      el-buur: El Buur | Ceel Buur ; ctx
    mudug: Mudug
      galkayo: Galkayo | Galkacyo | Gaalkacyo ; city
      hobyo: Hobyo | Obbia ; city
      harardhere: Harardhere | Xarardheere ; city
  puntland: Puntland | بونتلاند
    bari-somalia: région de Bari | Bari region ; ctx
      bosaso: Bosaso | Bossaso | Boosaaso ; city
      qandala: Qandala | Qandhala ; city
      cal-miskaad: Cal Miskaad | Calmiskaad | monts Cal Miskaad | Al-Miskaad
      iskushuban: Iskushuban ; city
    nugal: Nugaal | Nugal
      garowe: Garowe | Garoowe ; city
  somaliland: Somaliland | أرض الصومال
    hargeisa: Hargeisa | Hargeysa | Hargueisa | هرجيسا ; city
    berbera: Berbera ; city
    burao: Burao | Burco ; city
    las-anod: Las Anod | Laascaanood ; city
    erigavo: Erigavo | Ceerigaabo ; city
    sool: Sool ; ctx
    sanaag: Sanaag
    togdheer: Togdheer
    awdal: Awdal
    woqooyi-galbeed: Woqooyi Galbeed | Maroodi Jeex

sudan
  khartoum: Khartoum | الخرطوم ; city
  omdurman: Omdurman | أم درمان ; city
  darfur: Darfour | Darfur | دارفور
    el-fasher: El-Fasher | El Fasher | Al-Fashir ; city
    nyala: Nyala ; city
    el-geneina: El Geneina | El-Geneina | Geneina ; city
  kordofan: Kordofan
  port-sudan: Port-Soudan | Port Sudan | بورتسودان ; city
south-sudan
  juba: Djouba | Juba ; ctx
ethiopia
  addis-ababa: Addis-Abeba | Addis Ababa ; city
  tigray: Tigray
  amhara: Amhara
  oromia: Oromia | Oromie
kenya
  nairobi: Nairobi ; city
  mombasa: Mombasa ; city
  garissa: Garissa ; city
  lamu: Lamu ; city
  mandera: Mandera ; city
uganda
  kampala: Kampala ; city
democratic-republic-of-the-congo
  kinshasa: Kinshasa ; city
  north-kivu: Nord-Kivu | North Kivu
    goma: Goma ; city
    beni: Beni ; ctx
    butembo: Butembo ; city
  south-kivu: Sud-Kivu | South Kivu
    bukavu: Bukavu ; city
  ituri: Ituri
    bunia: Bunia ; city
mozambique
  maputo: Maputo ; city
  cabo-delgado: Cabo Delgado
    palma: Palma ; ctx
    mocimboa-da-praia: Mocímboa da Praia ; city
central-african-republic
  bangui: Bangui ; city
benin
  cotonou: Cotonou ; city
  porto-novo: Porto-Novo ; city
togo
  lome: Lomé ; city
ghana
  accra: Accra ; city
cote-d-ivoire
  abidjan: Abidjan ; city
  yamoussoukro: Yamoussoukro ; city
senegal
  dakar: Dakar ; city
guinea
  conakry: Conakry ; city

france
  ile-de-france: Île-de-France | région parisienne
    paris: Paris | باريس ; city
    saint-denis: Saint-Denis ; ctx
    seine-saint-denis: Seine-Saint-Denis
    trappes: =Trappes ; city
    magnanville: Magnanville ; city
    conflans-sainte-honorine: Conflans-Sainte-Honorine ; city
    rambouillet: Rambouillet ; city
  provence-alpes-cote-d-azur: Provence-Alpes-Côte d'Azur | =PACA | Côte d'Azur | Provence
    marseille: Marseille | Marseilles | مرسيليا ; city
    nice: =Nice ; ctx
    toulon: Toulon ; city
    avignon: Avignon ; city
  auvergne-rhone-alpes: Auvergne-Rhône-Alpes
    lyon: Lyon ; city
    grenoble: Grenoble ; city
    saint-etienne: Saint-Étienne ; city
    clermont-ferrand: Clermont-Ferrand ; city
    romans-sur-isere: Romans-sur-Isère ; city
    villeurbanne: Villeurbanne ; city
  occitanie: Occitanie | Occitania
    toulouse: Toulouse ; city
    montpellier: Montpellier ; city
    nimes: Nîmes ; city
    perpignan: Perpignan ; city
    carcassonne: Carcassonne ; city
    trebes: Trèbes ; city
    lunel: Lunel ; ctx
  grand-est: Grand Est
    strasbourg: Strasbourg ; city
    metz: Metz ; city
    nancy: Nancy ; ctx
    mulhouse: Mulhouse ; city
    reims: Reims ; city
  hauts-de-france: Hauts-de-France
    lille: Lille ; city
    arras: Arras ; city
    amiens: Amiens ; city
    calais: Calais ; city
    dunkirk: Dunkerque | Dunkirk ; city
  normandie: Normandie | Normandy
    rouen: Rouen ; city
    le-havre: Le Havre ; city
    saint-etienne-du-rouvray: Saint-Étienne-du-Rouvray ; city
    caen: Caen ; city
  bretagne: Bretagne | Brittany
    rennes: Rennes ; city
    brest: Brest ; ctx
  nouvelle-aquitaine: Nouvelle-Aquitaine
    bordeaux: Bordeaux ; city
    bayonne: Bayonne ; city
    limoges: Limoges ; city
  pays-de-la-loire: Pays de la Loire
    nantes: Nantes ; city
    angers: =Angers ; city
    le-mans: Le Mans ; city
  centre-val-de-loire: Centre-Val de Loire
    orleans: Orléans ; city
    tours: =Tours ; ctx
  bourgogne-franche-comte: Bourgogne-Franche-Comté
    dijon: Dijon ; city
    besancon: Besançon ; city
  corsica: =Corse | Corsica
    ajaccio: Ajaccio ; city
    bastia: Bastia ; city

germany
  berlin: Berlin | برلين ; city
  munich: Munich | München ; city
  hamburg: Hambourg | Hamburg ; city
  frankfurt: Francfort | Frankfurt ; city=Frankfurt am Main
  solingen: Solingen ; city
  magdeburg: Magdebourg | Magdeburg ; city
united-kingdom
  england: Angleterre | England | إنجلترا
    london: Londres | London | لندن ; city
    manchester: Manchester ; city
    birmingham: Birmingham ; city
  scotland: Écosse | Scotland | اسكتلندا
    edinburgh: Édimbourg | Edinburgh ; city
  wales: pays de Galles | =Wales
  northern-ireland: Irlande du Nord | Northern Ireland | أيرلندا الشمالية
    belfast: Belfast ; city
spain
  madrid: Madrid | مدريد ; city
  barcelona: Barcelone | Barcelona ; city
  ceuta: Ceuta ; city
  melilla: Melilla ; city
italy
  rome: Rome | روما ; city ; drop=Roma
  milan: =Milan | Milano ; ctx
portugal
  lisbon: Lisbonne | Lisbon | Lisboa ; city
belgium
  brussels: Bruxelles | Brussels | Brussel | بروكسل ; city
  molenbeek: Molenbeek | Molenbeek-Saint-Jean ; city=Molenbeek-Saint-Jean
  antwerp: Anvers | Antwerp | Antwerpen ; city
netherlands
  amsterdam: Amsterdam ; city
  the-hague: La Haye | The Hague | Den Haag ; city=The Hague
luxembourg
  luxembourg-city: Luxembourg-Ville | Luxembourg City | ville de Luxembourg
switzerland
  bern: =Berne | Bern ; city
  geneva: Genève | Geneva | Genf | جنيف ; city
austria
  vienna: =Vienne | Vienna | Wien | فيينا ; city
czechia
  prague: Prague | Praha ; city
poland
  warsaw: Varsovie | Warsaw | Warszawa ; city
hungary
  budapest: Budapest ; city
slovakia
  bratislava: Bratislava ; city
slovenia
  ljubljana: Ljubljana ; city
croatia
  zagreb: Zagreb ; city
serbia
  belgrade: Belgrade | Beograd ; city
bosnia-and-herzegovina
  sarajevo: Sarajevo ; city
montenegro
  podgorica: Podgorica ; city
albania
  tirana: Tirana | Tirane ; city
north-macedonia
  skopje: Skopje ; city
kosovo
  pristina: Pristina | Prishtina ; city
bulgaria
  sofia: =Sofia ; ctx
romania
  bucharest: Bucarest | Bucharest ; city
moldova
  chisinau: Chisinau | Kichinev ; city
ukraine
  kyiv: Kiev | Kyiv | Kyïv | Kiew ; city
  kharkiv: Kharkiv | Kharkov ; city
  odesa: Odessa | Odesa ; city
  donbas: Donbass | Donbas
    donetsk: Donetsk ; city
    luhansk: Louhansk | Luhansk | Lougansk | Lugansk ; city
    mariupol: Marioupol | Mariupol ; city
  zaporizhzhia: Zaporijia | Zaporizhzhia | Zaporojie ; city
  kherson: Kherson ; city
  crimea: Crimée | Crimea
    sevastopol: Sébastopol | Sevastopol ; city
belarus
  minsk: Minsk ; city
russia
  moscow: Moscou | Moscow | Moskva | موسكو ; city
  saint-petersburg: Saint-Pétersbourg | Saint Petersburg | Petrograd ; city
  north-caucasus: Caucase du Nord | North Caucasus
    chechnya: Tchétchénie | Chechnya | الشيشان ; fr=tchétchène ; en=Chechen/Chechens
      grozny: Grozny ; city
    dagestan: Daghestan | Dagestan | داغستان ; fr=daghestanais ; en=Dagestani/Dagestanis
      makhachkala: Makhatchkala | Makhachkala ; city
    ingushetia: Ingouchie | Ingushetia ; fr=ingouche ; en=Ingush
lithuania
  vilnius: Vilnius ; city
latvia
  riga: Riga ; city
estonia
  tallinn: Tallinn ; city
finland
  helsinki: Helsinki ; city
sweden
  stockholm: Stockholm ; city
norway
  oslo: Oslo ; city
denmark
  copenhagen: Copenhague | Copenhagen ; city
iceland
  reykjavik: Reykjavik ; city
ireland
  dublin: Dublin ; city
greece
  athens: Athènes | Athens ; city
cyprus
  nicosia: Nicosie | Nicosia ; city
malta
  valletta: La Valette | Valletta ; city
andorra
  andorra-la-vella: Andorre-la-Vieille | Andorra la Vella ; city
liechtenstein
  vaduz: Vaduz ; city
georgia
  tbilisi: Tbilissi | Tbilisi ; city
  pankisi: Pankissi | Pankisi | vallée de Pankissi | gorges de Pankissi | Pankisi Gorge
armenia
  yerevan: Erevan | Yerevan ; city
azerbaijan
  baku: Bakou | Baku ; city

united-states
  washington: Washington | Washington DC ; city=Washington, D.C.
  kentucky: Kentucky | =Ky.
  california: Californie | California | =Calif.
  new-york: New York | New York City ; city=New York City
  new-jersey: New Jersey
  new-mexico: Nouveau-Mexique | New Mexico
  new-orleans: La Nouvelle-Orléans | New Orleans ; city
canada
  ottawa: Ottawa ; city
  british-columbia: Colombie-Britannique | British Columbia
india
  new-delhi: New Delhi | Delhi ; city=New Delhi
  mumbai: Mumbai | Bombay ; city
  jammu-and-kashmir: Jammu-et-Cachemire | Jammu and Kashmir | Cachemire indien | Indian Kashmir | =Cachemire | Kashmir ; ctx
    srinagar: Srinagar ; city
    pahalgam: Pahalgam
  punjab-india: Pendjab | Punjab | Panjab ; ctx
bangladesh
  dhaka: Dacca | Dhaka ; city
philippines
  manila: Manille | Manila ; city
  mindanao: Mindanao
    marawi: Marawi ; city
    jolo: Jolo ; ctx
    sulu: Sulu ; ctx
    basilan: Basilan
indonesia
  jakarta: Jakarta | Djakarta ; city
  bali: Bali
  sulawesi: Sulawesi | Célèbes
    poso: Poso ; ctx
china
  beijing: Pékin | Beijing ; city
  xinjiang: Xinjiang | Sinkiang
    urumqi: Urumqi | Ürümqi | Ouroumtsi ; city
tajikistan
  dushanbe: Douchanbé | Dushanbe ; city
uzbekistan
  tashkent: Tachkent | Tashkent ; city
kazakhstan
  astana: Astana ; city
  almaty: Almaty ; city
kyrgyzstan
  bishkek: Bichkek | Bishkek ; city
turkmenistan
  ashgabat: Achgabat | Ashgabat ; city
north-korea
  pyongyang: Pyongyang ; city
south-korea
  seoul: Séoul | Seoul ; city
japan
  tokyo: Tokyo ; city
australia
  canberra: Canberra ; city
  sydney: Sydney ; city
new-zealand
  christchurch: Christchurch ; city
`;
