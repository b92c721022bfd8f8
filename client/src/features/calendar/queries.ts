/** Query keys of the working-day calendar (src/Api/Calendar). */
export const calendarKeys = {
  all: ['calendar'] as const,
  layers: () => [...calendarKeys.all, 'layers'] as const,
};
