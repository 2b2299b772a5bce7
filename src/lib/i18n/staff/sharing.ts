/** Staff strings of the shared reports (issue 17): the print header, readable CSV exports, the weekly digest. */
export const en = {
  printHeaderLabel: 'Report details',
  printTeam: 'Team',
  printPeriod: 'Period',
  printDate: 'Printed',
};

export const es: Record<keyof typeof en, string> = {
  printHeaderLabel: 'Datos del informe',
  printTeam: 'Equipo',
  printPeriod: 'Periodo',
  printDate: 'Impreso',
};
