/** A count with its noun agreeing: "1 endorsement", "2 endorsements", "1 reply", "3 replies". */
export const countOf = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
