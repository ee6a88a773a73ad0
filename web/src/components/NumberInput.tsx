import { InputNumber, type InputNumberProps } from "antd";
import { parseTypedNumber } from "../format/typed-number.ts";

/**
 * A number field that takes what people type: IME full-width digits (１２３．４), grouping commas and
 * 万/亿 after the number (4万 in a field of 人), read in the field's unit (`unit`, e.g. 万人).
 */
export function NumberInput({ unit = "", ...props }: InputNumberProps<number> & { unit?: string }) {
  return (
    <InputNumber<number> {...props} parser={(text) => parseTypedNumber(text ?? "", unit) ?? Number.NaN} />
  );
}
