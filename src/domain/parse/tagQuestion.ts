// A question tagged on at the end of what she says (…户口就在丁集沈庄没迁过中不中, 俺都六十七了 还中不中,
// 五十八了 能查不, Hunan 约个NT搞得不得行): whether it will do, or whether she may. The words before it
// are a statement of hers.
export const TAG_QUESTION =
  /(?:还|那)?(?:中不中|行不行|成不成|好不好|对不对|可不可以|能不能行|可以不|中不|行不|能不能查|能查不|能查吗|能不能做|能做不|能做吗|让查不|让不让查|得不得行|得行不|行得不|可以啵|要得不)[啊呀吗么嘛呢哩嘞咯撒]*$/u;
