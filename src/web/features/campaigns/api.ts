/** `?unitId=…` for the campaign views that narrow to a unit (none for the whole campaign). */
export const unitQuery = (unitId?: number) => (unitId ? `?unitId=${unitId}` : '');
