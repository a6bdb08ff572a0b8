export * from './dto/review.enums';
export * from './dto/review.inputs';
export * from './dto/review.types';
export * from './review.entities';
export * from './reviews.loaders';
export * from './reviews.module';
export * from './reviews.service';
export * from './verdict-tallies';
