const moneyFormat = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const wholeFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** 1,234,567.89 */
export const money = (value: number) => moneyFormat.format(value);

/** 1,234,568: for labels on the diagram, where cents are noise. */
export const whole = (value: number) => wholeFormat.format(value);

/** 0.97 */
export const rate = (value: number) => value.toFixed(2);
