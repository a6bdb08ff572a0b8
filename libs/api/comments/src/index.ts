export * from './comment.entities';
export * from './comments.module';
export * from './comments.service';
export * from './dto/comment.dto';
