// Names that hold a place name but name no place: a longer name wins, so these hide the place inside them.

/**
 * Organisations, media, seas and teams whose name holds a country's or a city's ("Agence
 * France-Presse" is not France, "Indian Ocean" not India, "New England" not England). Matched as
 * the gazetteer's names are (folded); measured with `npm run bench -- geoparse`.
 */
export const NOT_PLACES: readonly string[] = [
  'Agence France-Presse',
  'France-Presse',
  'France Presse',
  'Air France',
  'Radio France',
  'France 24',
  'France Télévisions',
  'France Inter',
  'France Info',
  'Gaz de France',
  'Tour de France',
  'Air India',
  'Air Algérie',
  'Royal Air Maroc',
  'Qatar Airways',
  'Turkish Airlines',
  'New England',
  'Latin America',
  'Central America',
  'Bank of America',
  'Voice of America',
  'Captain America',
  'Wells Fargo',
  'Nouvelle-Angleterre',
  'Indian Ocean',
  'océan Indien',
  'South China Sea',
  'mer de Chine méridionale',
  'Gulf of Mexico',
  'golfe du Mexique',
  'New York Times',
  'Washington Post',
  'Jerusalem Post',
  'Times of India',
  'Paris Saint-Germain',
  'Real Madrid',
  'Atlético Madrid',
];
