/** "1 facility", "3 facilities". */
export const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
